// Issue 15, item 1: sellers get tickets about their own orders. A ticket opened from an order of a seller (not the
// house) is that seller's to read and answer over /v1/seller/support/tickets (Mini App init data); another seller's
// ids are 404; the seller's reply is stored with the author role `seller` for the shopper and the admins; each line
// but the seller's own is queued for the seller's chat, and the seller's lines are copied to staff.
import { databaseBackends } from '../support/services';
import { addSeller, giveProductTo } from '../support/marketplace';
import { TestShop, createProduct, startTestShop } from '../support/test-shop';

describe.each(databaseBackends())('sellers and the tickets on their orders (%s)', (backend) => {
  let shop: TestShop;
  beforeAll(async () => {
    shop = await startTestShop(backend);
  });
  afterAll(() => shop.close());

  const call = (method: 'GET' | 'POST', url: string, headers: Record<string, string>, payload?: Record<string, unknown>) =>
    shop.api.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  const queued = async (topic: string): Promise<string[]> => {
    const rows: Array<{ dedupe_key: string }> = await shop.app.persistence.dataSource.query('SELECT dedupe_key FROM outbox WHERE topic = ? ORDER BY id', [
      topic,
    ]);
    return rows.map((r) => r.dedupe_key);
  };
  const sellerRelays = () => queued('support.seller-relay');

  it('the seller of the order sees, reads and answers the ticket; another seller gets 404; admins see it all', async () => {
    const a = await addSeller(shop.app.persistence, { telegramUserId: '8301', shopName: 'Tea House A' });
    await addSeller(shop.app.persistence, { telegramUserId: '8302', shopName: 'Shop B' });
    const key = await createProduct(shop, { sku: 'SS-KEY', title: 'Game key', kind: 'manual', price: { amount: 3000, currency: 'CNY' } });
    await giveProductTo(shop.app.persistence, key, a.id);
    const house = await createProduct(shop, { sku: 'SS-NOTE', title: 'Notebook', kind: 'manual', price: { amount: 500, currency: 'CNY' } });
    const ann = shop.shopper(8310, 'Ann');
    const sellerA = shop.shopper(8301, 'Alice');
    const sellerB = shop.shopper(8302, 'Bob');

    const placed = await call(
      'POST',
      '/v1/checkouts',
      { ...ann, 'idempotency-key': 'seller-support-1' },
      {
        items: [
          { productId: key, quantity: 1 },
          { productId: house, quantity: 1 },
        ],
        paymentMethod: 'wechatpay',
      },
    );
    expect(placed.statusCode).toBe(201);
    const orders = placed.json().orders as Array<{ orderNo: string; sellerId: number }>;
    const ofA = orders.find((o) => o.sellerId === a.id);
    const ofHouse = orders.find((o) => o.sellerId === 1);
    if (!ofA || !ofHouse) throw new Error('an order for seller A and one for the house expected');

    const opened = await call('POST', '/v1/support/tickets', ann, { orderNo: ofA.orderNo, text: 'The key does not work' });
    expect(opened.statusCode).toBe(201);
    const ticket = opened.json();
    expect(ticket).toMatchObject({ orderNo: ofA.orderNo, sellerId: a.id, status: 'open' });

    // A's list holds it; B's does not; B reading or answering it by id is 404, like a ticket that does not exist.
    expect((await call('GET', '/v1/seller/support/tickets', sellerA)).json().items).toEqual([expect.objectContaining({ id: ticket.id, sellerId: a.id })]);
    expect((await call('GET', '/v1/seller/support/tickets', sellerB)).json()).toEqual({ items: [] });
    const forged = await call('GET', `/v1/seller/support/tickets/${ticket.id}`, sellerB);
    expect([forged.statusCode, forged.json().error.code]).toEqual([404, 'TICKET_NOT_FOUND']);
    expect((await call('POST', `/v1/seller/support/tickets/${ticket.id}/messages`, sellerB, { text: 'hi' })).statusCode).toBe(404);
    expect((await call('GET', `/v1/seller/support/tickets/999999`, sellerA)).statusCode).toBe(404);
    // A shopper who runs no shop is no seller.
    expect((await call('GET', '/v1/seller/support/tickets', ann)).statusCode).toBe(403);

    const read = await call('GET', `/v1/seller/support/tickets/${ticket.id}`, sellerA);
    expect(read.statusCode).toBe(200);
    expect(read.json().messages).toEqual([
      expect.objectContaining({ kind: 'event', text: 'opened', authorRole: 'shopper' }),
      expect.objectContaining({ kind: 'text', text: 'The key does not work', author: 'Ann', authorRole: 'shopper' }),
    ]);

    const answered = await call('POST', `/v1/seller/support/tickets/${ticket.id}/messages`, sellerA, { text: 'Here is a new key: KEY-2' });
    expect(answered.statusCode).toBe(201);
    expect(answered.json()).toMatchObject({ direction: 'to_shopper', author: 'Tea House A', authorRole: 'seller', text: 'Here is a new key: KEY-2' });

    const mine = (await call('GET', `/v1/support/tickets/${ticket.id}`, ann)).json();
    expect(mine.ticket).toMatchObject({ status: 'answered', sellerId: a.id });
    expect(mine.messages.at(-1)).toMatchObject({ authorRole: 'seller', author: 'Tea House A' });
    const staff = (await call('GET', `/v1/admin/support/tickets/${ticket.id}`, shop.admin)).json();
    expect(staff.messages.map((m: { authorRole: string }) => m.authorRole)).toEqual(['shopper', 'shopper', 'seller']);

    // Staff answer too: the seller is told of that line as well, never of their own.
    expect((await call('POST', `/v1/admin/support/tickets/${ticket.id}/replies`, shop.admin, { text: 'We are on it too' })).statusCode).toBe(201);
    const lines = (await call('GET', `/v1/seller/support/tickets/${ticket.id}`, sellerA)).json().messages as Array<{ id: number; authorRole: string }>;
    expect(lines.map((m) => m.authorRole)).toEqual(['shopper', 'shopper', 'seller', 'staff']);
    const expected = lines.filter((m) => m.authorRole !== 'seller').map((m) => `support:seller-relay:${m.id}`);
    expect(await sellerRelays()).toEqual(expected);
    // …and the seller's own line is copied to staff (the desk's relay takes it to the shopper only).
    const sellers = lines.filter((m) => m.authorRole === 'seller').map((m) => `support:staff-copy:${m.id}`);
    expect(await queued('support.staff-copy')).toEqual(sellers);

    // A ticket on the house's own order is nobody else's.
    await call('POST', `/v1/support/tickets/${ticket.id}/close`, ann);
    const houseTicket = await call('POST', '/v1/support/tickets', ann, { orderNo: ofHouse.orderNo, text: 'And the notebook?' });
    expect(houseTicket.json()).toMatchObject({ sellerId: null });
    expect((await call('GET', `/v1/seller/support/tickets/${houseTicket.json().id}`, sellerA)).statusCode).toBe(404);
    expect(await sellerRelays()).toHaveLength(expected.length + 1);
  });
});
