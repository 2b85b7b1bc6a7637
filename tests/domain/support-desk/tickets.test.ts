// The support desk over the real store: tickets, their history, the relay both ways, Telegram down in between.
import { DomainWorld, openDomainWorld, value } from '../support/domain-world';

describe('support desk', () => {
  let w: DomainWorld;
  let pen: number;
  beforeAll(async () => {
    w = await openDomainWorld();
    pen = await w.product({ sku: 'PEN', title: 'A pen', kind: 'manual', price: { amount: 300 }, stock: 100 });
  });
  afterAll(() => w.close());

  const orderOf = async (shopperId: string): Promise<string> =>
    value(
      await w.shop.payment.checkout({
        shopperId,
        idempotencyKey: `support-${shopperId}-order`,
        items: [{ productId: pen, quantity: 1 }],
        paymentMethod: 'wechatpay',
      }),
    ).order.orderNo;

  it('opens a ticket from the shopper’s own order only, one at a time', async () => {
    await w.shopper('201');
    await w.shopper('202');
    const orderNo = await orderOf('201');
    const foreign = await w.shop.support.openTicket({ userId: '202', orderNo });
    expect(foreign.ok ? 'opened' : foreign.error.code).toBe('TICKET_ORDER_NOT_FOUND');

    const opened = value(await w.shop.support.openTicket({ userId: '201', orderNo, authorName: 'Ann' }));
    expect(opened).toMatchObject({ created: true, ticket: { orderNo, status: 'open', userId: '201' } });
    const again = value(await w.shop.support.openTicket({ userId: '201' }));
    expect(again).toMatchObject({ created: false, ticket: { id: opened.ticket.id } });
  });

  it('talks both ways with a photo, in order, one forum topic per ticket, and closes', async () => {
    await w.shopper('211');
    const { ticket } = value(await w.shop.support.openTicket({ userId: '211', authorName: 'Bob' }));
    value(await w.shop.support.postShopperMessage({ userId: '211', authorName: 'Bob', content: { kind: 'text', text: 'My key does not work' } }));
    value(
      await w.shop.support.postShopperMessage({ userId: '211', authorName: 'Bob', content: { kind: 'photo', text: 'see', attachment: { fileId: 'PHOTO-1' } } }),
    );
    await w.drain();
    const staffSide = w.supportChats.toStaffLog.filter((r) => r.ticketId === ticket.id);
    expect(staffSide.map((r) => [r.message.kind, r.message.text])).toEqual([
      ['event', 'opened'],
      ['text', 'My key does not work'],
      ['photo', 'see'],
    ]);
    const threads = new Set(staffSide.map((r) => r.threadId));
    expect(threads.size).toBe(1);
    expect([...threads][0]).not.toBeNull();

    const reply = value(
      await w.shop.support.replyToTicket({ ticketId: ticket.id, staffId: '9001', staffName: 'Eve', content: { kind: 'text', text: 'Try this one' } }),
    );
    expect(reply.ticket).toMatchObject({ status: 'answered', assignee: '9001' });
    await w.drain();
    expect(w.supportChats.toShopperLog.filter((r) => r.ticketId === ticket.id).map((r) => r.message.text)).toEqual(['Try this one']);

    const closed = value(await w.shop.support.closeTicket(ticket.id, { role: 'shopper', userId: '211' }));
    expect(closed.status).toBe('closed');
    const late = await w.shop.support.postShopperMessage({ userId: '211', content: { kind: 'text', text: 'anyone?' } });
    expect(late.ok ? 'posted' : late.error.code).toBe('NO_OPEN_TICKET');
    const history = value(await w.shop.support.getTicket(ticket.id, '211'));
    expect(history.messages.map((m) => `${m.direction}:${m.kind}:${m.text}`)).toEqual([
      'to_staff:event:opened',
      'to_staff:text:My key does not work',
      'to_staff:photo:see',
      'to_shopper:text:Try this one',
      'to_staff:event:closed',
    ]);
    expect(history.messages[2]?.attachment).toEqual({ fileId: 'PHOTO-1', fileName: null });
    const other = await w.shop.support.getTicket(ticket.id, '212');
    expect(other.ok).toBe(false);
  });

  it('keeps the conversation while Telegram is down and relays it whole, in order, once it is back', async () => {
    await w.shopper('221');
    w.supportChats.down = true;
    const { ticket } = value(await w.shop.support.openTicket({ userId: '221', authorName: 'Cy', message: { kind: 'text', text: 'first' } }));
    value(
      await w.shop.support.postShopperMessage({ userId: '221', content: { kind: 'document', text: '', attachment: { fileId: 'DOC-1', fileName: 'log.txt' } } }),
    );
    value(await w.shop.support.postShopperMessage({ userId: '221', content: { kind: 'text', text: 'third' } }));
    await w.drain();
    expect(w.supportChats.toStaffLog.filter((r) => r.ticketId === ticket.id)).toEqual([]);
    const kept = value(await w.shop.support.getTicket(ticket.id, null));
    expect(kept.messages.map((m) => [m.text, m.relayedAt])).toEqual([
      ['opened', null],
      ['first', null],
      ['', null],
      ['third', null],
    ]);

    w.supportChats.down = false;
    w.clock.advance(60_000);
    await w.drain();
    const relayed = w.supportChats.toStaffLog.filter((r) => r.ticketId === ticket.id).map((r) => r.message.text);
    expect(relayed).toEqual(['opened', 'first', '', 'third']);
    const after = value(await w.shop.support.getTicket(ticket.id, null));
    expect(after.messages.every((m) => m.relayedAt !== null)).toBe(true);
  });

  it('reminds the admins once per waiting period, and again after the shopper writes after a reply', async () => {
    await w.shopper('231');
    const { ticket } = value(await w.shop.support.openTicket({ userId: '231', message: { kind: 'text', text: 'hello?' } }));
    const reminders = () => w.notices.admins.filter((n) => n.event === 'SUPPORT_UNANSWERED' && n.detail?.startsWith(`#${ticket.id} `));
    expect(await w.shop.support.remindUnanswered(50)).toMatchObject({ reminded: 0 });
    w.clock.advance(31 * 60_000);
    expect((await w.shop.support.remindUnanswered(50)).reminded).toBeGreaterThanOrEqual(1);
    expect(await w.shop.support.remindUnanswered(50)).toMatchObject({ reminded: 0 });
    await w.drain();
    expect(reminders()).toHaveLength(1);

    value(await w.shop.support.replyToTicket({ ticketId: ticket.id, staffId: 'api', content: { kind: 'text', text: 'on it' }, awaitShopper: true }));
    value(await w.shop.support.postShopperMessage({ userId: '231', content: { kind: 'text', text: 'still broken' } }));
    w.clock.advance(31 * 60_000);
    await w.shop.support.remindUnanswered(50);
    await w.drain();
    expect(reminders()).toHaveLength(2);
  });

  it('staff assign, close and reopen; a reopen waits while the shopper has another open ticket', async () => {
    await w.shopper('241');
    const first = value(await w.shop.support.openTicket({ userId: '241' })).ticket;
    expect(value(await w.shop.support.assignTicket(first.id, '9002', { staffId: '9002', name: 'Max' })).assignee).toBe('9002');
    value(await w.shop.support.closeTicket(first.id, { role: 'staff', staffId: '9002' }));
    const second = value(await w.shop.support.openTicket({ userId: '241' }));
    expect(second.created).toBe(true);
    const reopen = await w.shop.support.reopenTicket(first.id, '9002');
    expect(reopen.ok ? 'reopened' : reopen.error.code).toBe('TICKET_ALREADY_OPEN');
    value(await w.shop.support.closeTicket(second.ticket.id, { role: 'shopper', userId: '241' }));
    expect(value(await w.shop.support.reopenTicket(first.id, '9002')).status).toBe('open');
    await w.drain();
    expect(w.supportChats.toShopperLog.filter((r) => r.ticketId === first.id).map((r) => r.message.text)).toEqual(['closed', 'reopened']);
    const open = value(await w.shop.support.listTickets({ status: 'open' }));
    expect(open.map((t) => t.id)).toContain(first.id);
  });
});

describe('support desk under concurrency (a burst of messages after a staff reply)', () => {
  let w: DomainWorld;
  beforeAll(async () => {
    w = await openDomainWorld();
  });
  afterAll(() => w.close());

  it('stores every message of the burst, none refused', async () => {
    await w.shopper('251');
    const { ticket } = value(await w.shop.support.openTicket({ userId: '251' }));
    value(await w.shop.support.replyToTicket({ ticketId: ticket.id, staffId: 'api', content: { kind: 'text', text: 'Send photos please' } }));
    const burst = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        w.shop.support.postShopperMessage({ userId: '251', content: { kind: 'photo', text: `p${i}`, attachment: { fileId: `F${i}` } } }),
      ),
    );
    expect(burst.every((r) => r.ok)).toBe(true);
    const history = value(await w.shop.support.getTicket(ticket.id, null));
    expect(history.ticket.status).toBe('open');
    expect(history.messages.filter((m) => m.kind === 'photo')).toHaveLength(5);
  });
});
