// The support desk and restock alerts through the HTTP API, on both stores: a shopper's tickets (only their own),
// staff's side, the reply mailed to a shopper who gave an address, and "notify me" on a sold-out product.
import { databaseBackends } from '../support/services';
import { startTestSmtpServer, TestSmtpServer } from '../support/smtp-server';
import { createProduct, eventually, startTestShop, TestShop } from '../support/test-shop';

describe.each(databaseBackends())('support tickets and restock alerts over the API (%s)', (backend) => {
  let smtp: TestSmtpServer;
  let shop: TestShop;
  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    shop = await startTestShop(backend, { SMTP_URL: smtp.url, MAIL_FROM: 'Tea Shop <shop@tea.example>' });
  });
  afterAll(async () => {
    await shop.close();
    await smtp.stop();
  });

  it('opens a ticket about an own order, talks, and closes; another shopper sees nothing of it', async () => {
    const ann = shop.shopper(8801, 'Ann');
    const other = shop.shopper(8802);
    const product = await createProduct(shop, { sku: 'SUP-1', title: 'Tea', kind: 'manual', price: { amount: 500, currency: 'CNY' }, stock: 5 });
    const placed = await shop.api.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: { ...ann, 'idempotency-key': 'support-api-order-1' },
      payload: { items: [{ productId: product, quantity: 1 }], paymentMethod: 'wechatpay' },
    });
    const orderNo = (placed.json() as { orderNo: string }).orderNo;
    const foreign = await shop.api.inject({ method: 'POST', url: '/v1/support/tickets', headers: other, payload: { orderNo } });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toMatchObject({ error: { code: 'TICKET_ORDER_NOT_FOUND' } });

    const opened = await shop.api.inject({ method: 'POST', url: '/v1/support/tickets', headers: ann, payload: { orderNo, text: 'Where is my tea?' } });
    expect(opened.statusCode).toBe(201);
    const ticket = opened.json() as { id: number; status: string; orderNo: string };
    expect(ticket).toMatchObject({ status: 'open', orderNo });
    const again = await shop.api.inject({ method: 'POST', url: '/v1/support/tickets', headers: ann, payload: {} });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: ticket.id });

    expect((await shop.api.inject({ method: 'GET', url: `/v1/support/tickets/${ticket.id}`, headers: other })).statusCode).toBe(404);
    const listed = await shop.api.inject({ method: 'GET', url: '/v1/admin/support/tickets?status=open', headers: shop.admin });
    expect((listed.json() as { items: Array<{ id: number }> }).items.map((t) => t.id)).toContain(ticket.id);

    await shop.api.inject({ method: 'PUT', url: '/v1/account/email', headers: ann, payload: { email: 'ann@tea.example' } });
    const replied = await shop.api.inject({
      method: 'POST',
      url: `/v1/admin/support/tickets/${ticket.id}/replies`,
      headers: shop.admin,
      payload: { text: 'It ships today.', awaitShopper: true },
    });
    expect(replied.statusCode).toBe(201);
    expect(replied.json()).toMatchObject({ direction: 'to_shopper', kind: 'text', text: 'It ships today.', author: 'Support' });
    const mail = await eventually(
      async () => smtp.received.filter((m) => m.to.includes('ann@tea.example')),
      (mails) => mails.length === 1,
      30_000,
    );
    expect(mail[0]).toMatchObject({ subject: `Support replied (ticket #${ticket.id})`, text: expect.stringContaining('It ships today.') });

    const posted = await shop.api.inject({ method: 'POST', url: `/v1/support/tickets/${ticket.id}/messages`, headers: ann, payload: { text: 'Thanks!' } });
    expect(posted.statusCode).toBe(201);
    const assigned = await shop.api.inject({
      method: 'POST',
      url: `/v1/admin/support/tickets/${ticket.id}/assign`,
      headers: shop.admin,
      payload: { assignee: '42' },
    });
    expect(assigned.json()).toMatchObject({ assignee: '42', status: 'open' });
    const closed = await shop.api.inject({ method: 'POST', url: `/v1/support/tickets/${ticket.id}/close`, headers: ann });
    expect(closed.json()).toMatchObject({ status: 'closed' });
    const late = await shop.api.inject({ method: 'POST', url: `/v1/admin/support/tickets/${ticket.id}/replies`, headers: shop.admin, payload: { text: 'x' } });
    expect(late.statusCode).toBe(409);
    expect((await shop.api.inject({ method: 'POST', url: `/v1/admin/support/tickets/${ticket.id}/reopen`, headers: shop.admin })).json()).toMatchObject({
      status: 'open',
    });

    const history = await shop.api.inject({ method: 'GET', url: `/v1/support/tickets/${ticket.id}`, headers: ann });
    expect((history.json() as { messages: Array<{ kind: string; text: string }> }).messages.map((m) => `${m.kind}:${m.text}`)).toEqual([
      'event:opened',
      'text:Where is my tea?',
      'text:It ships today.',
      'text:Thanks!',
      'event:assigned',
      'event:closed',
      'event:reopened',
    ]);
    const mine = await shop.api.inject({ method: 'GET', url: '/v1/support/tickets', headers: ann });
    expect((mine.json() as { items: Array<{ id: number }> }).items.map((t) => t.id)).toEqual([ticket.id]);
  });

  it('stores every message of a concurrent burst after a staff reply (none lost to the status change race)', async () => {
    const cy = shop.shopper(8821, 'Cy');
    const opened = await shop.api.inject({ method: 'POST', url: '/v1/support/tickets', headers: cy, payload: { text: 'hi' } });
    const ticketId = (opened.json() as { id: number }).id;
    await shop.api.inject({ method: 'POST', url: `/v1/admin/support/tickets/${ticketId}/replies`, headers: shop.admin, payload: { text: 'Hello' } });
    const burst = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        shop.api.inject({ method: 'POST', url: `/v1/support/tickets/${ticketId}/messages`, headers: cy, payload: { text: `line ${i}` } }),
      ),
    );
    expect(burst.map((r) => r.statusCode)).toEqual(Array.from({ length: 12 }, () => 201));
    const history = await shop.api.inject({ method: 'GET', url: `/v1/support/tickets/${ticketId}`, headers: cy });
    const body = history.json() as { ticket: { status: string }; messages: Array<{ text: string }> };
    expect(body.ticket.status).toBe('open');
    expect(
      body.messages
        .filter((m) => m.text.startsWith('line '))
        .map((m) => m.text)
        .sort(),
    ).toEqual(Array.from({ length: 12 }, (_, i) => `line ${i}`).sort());
  });

  it('takes "notify me" only for a sold-out product and mails the return once', async () => {
    const ann = shop.shopper(8811, 'Ann');
    await shop.api.inject({ method: 'PUT', url: '/v1/account/email', headers: ann, payload: { email: 'restock@tea.example' } });
    const product = await createProduct(shop, { sku: 'SUP-KEY', title: 'Rare key', kind: 'code', price: { amount: 900, currency: 'CNY' } });
    const asked = await shop.api.inject({ method: 'PUT', url: `/v1/products/${product}/restock-alert`, headers: ann });
    expect(asked.json()).toEqual({ productId: product, waiting: true });
    await shop.api.inject({ method: 'POST', url: `/v1/admin/products/${product}/codes`, headers: shop.admin, payload: { codes: ['R-1', 'R-2'] } });
    const mails = await eventually(
      async () => smtp.received.filter((m) => m.to.includes('restock@tea.example')),
      (found) => found.length === 1,
      30_000,
    );
    expect(mails[0]).toMatchObject({ subject: 'Back in stock: Rare key' });
    const inStock = await shop.api.inject({ method: 'PUT', url: `/v1/products/${product}/restock-alert`, headers: ann });
    expect(inStock.statusCode).toBe(409);
    expect(inStock.json()).toMatchObject({ error: { code: 'PRODUCT_IN_STOCK' } });
  });
});
