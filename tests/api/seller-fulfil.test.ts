// A seller's own `manual` goods are handed over by that seller: they hear that an order waits for them (not the
// admins), mark it fulfilled through the seller API, and are credited; no other seller can, and an order of physical
// goods completes by shipment instead.
import { databaseBackends } from '../support/services';
import { TestShop, createProduct, eventually, giveCredit, reconcileShop, startTestShop } from '../support/test-shop';
import { addSeller, giveProductTo } from '../support/marketplace';

describe.each(databaseBackends())('a seller fulfils their own manual order (%s)', (backend) => {
  let shop: TestShop;
  beforeAll(async () => {
    shop = await startTestShop(backend);
  });
  afterAll(() => shop.close());

  const call = (method: 'GET' | 'POST', url: string, headers: Record<string, string>, payload?: object) =>
    shop.api.inject({ method, url, headers, ...(payload !== undefined ? { payload } : {}) });
  const statusOf = async (orderNo: string) => {
    const story = await shop.app.shop.reporting.orderStory(orderNo);
    if (!story.ok) throw new Error(story.error.message);
    return story.value.order.status;
  };
  const outboxEvents = async (topic: string, orderNo: string): Promise<string[]> => {
    const rows = (await shop.app.persistence.dataSource.query('SELECT payload FROM outbox WHERE topic = ? AND payload LIKE ?', [
      topic,
      `%${orderNo}%`,
    ])) as Array<{
      payload: string;
    }>;
    return rows.map((r) => (JSON.parse(r.payload) as { event: string }).event);
  };
  const balanceOf = async (sellerId: number) => {
    const [row] = (await shop.app.persistence.dataSource.query('SELECT balance_minor FROM seller_balances WHERE seller_id = ?', [sellerId])) as Array<{
      balance_minor: unknown;
    }>;
    return Number(row?.balance_minor);
  };

  it('the owning seller is told, fulfils it once and is credited; others get 404, physical goods 409', async () => {
    const a = await addSeller(shop.app.persistence, { telegramUserId: '8301', confirmWindowMinutes: 60 });
    const b = await addSeller(shop.app.persistence, { telegramUserId: '8302' });
    const lesson = await createProduct(shop, { sku: 'A-LESSON', title: 'Guitar lesson', kind: 'manual', price: { amount: 4000, currency: 'CNY' } });
    await giveProductTo(shop.app.persistence, lesson, a.id);
    const pot = await createProduct(shop, { sku: 'B-POT2', title: 'Teapot', kind: 'physical', price: { amount: 2500, currency: 'CNY' }, stock: 3 });
    await giveProductTo(shop.app.persistence, pot, b.id);
    const option = await call('POST', '/v1/seller/delivery-options', shop.shopper(8302), { name: 'Post', fee: 500, estimatedDays: 3 });
    expect(option.statusCode).toBe(201);

    const shopper = 8350;
    await giveCredit(shop, shopper, 20_000);
    const placed = await call(
      'POST',
      '/v1/checkouts',
      { ...shop.shopper(shopper), 'idempotency-key': 'seller-fulfil-1' },
      {
        items: [
          { productId: lesson, quantity: 1 },
          { productId: pot, quantity: 1 },
        ],
        paymentMethod: 'credit',
        address: { recipient: 'Li Lei', phone: '13900000000', address: '1 Lake Road, Hangzhou' },
        delivery: [{ sellerId: b.id, optionId: option.json().id }],
      },
    );
    expect(placed.statusCode).toBe(201);
    const orders = placed.json().orders as Array<{ orderNo: string; sellerId: number }>;
    const forA = orders.find((o) => o.sellerId === a.id)?.orderNo ?? '';
    const forB = orders.find((o) => o.sellerId === b.id)?.orderNo ?? '';
    expect([await statusOf(forA), await statusOf(forB)]).toEqual(['AWAITING_SELLER', 'AWAITING_SELLER']);

    // Not before it is confirmed.
    expect((await call('POST', `/v1/seller/orders/${forA}/fulfil`, shop.shopper(8301), {})).statusCode).toBe(409);
    expect((await call('POST', `/v1/seller/orders/${forA}/confirm`, shop.shopper(8301))).statusCode).toBe(200);
    await shop.app.pump.flush();
    await eventually(
      () => outboxEvents('notify.seller', forA),
      (events) => events.includes('ORDER_TO_FULFIL'),
    );
    // The seller hears of it, the admins do not (they still may fulfil it: see marketplace-checkout.test.ts).
    expect(await outboxEvents('notify.admins', forA)).not.toContain('FULFILMENT_NEEDED');
    expect(await statusOf(forA)).toBe('PAID');

    // Another seller, a shopper, a stranger: nothing happens.
    expect((await call('POST', `/v1/seller/orders/${forA}/fulfil`, shop.shopper(8302), {})).statusCode).toBe(404);
    expect((await call('POST', `/v1/seller/orders/${forA}/fulfil`, shop.shopper(shopper), {})).statusCode).toBe(403);
    expect((await call('POST', `/v1/seller/orders/${forA}/fulfil`, {}, {})).statusCode).toBe(401);
    expect(await statusOf(forA)).toBe('PAID');
    expect(await balanceOf(a.id)).toBe(0);

    const done = await call('POST', `/v1/seller/orders/${forA}/fulfil`, shop.shopper(8301), { note: 'lesson given on Monday' });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ outcome: 'DELIVERED', order: { orderNo: forA, status: 'DELIVERED', fulfilmentNote: 'lesson given on Monday' } });
    // A second press changes nothing; A is credited 4000 less the default 10 % once.
    expect((await call('POST', `/v1/seller/orders/${forA}/fulfil`, shop.shopper(8301), {})).statusCode).toBe(409);
    expect(await balanceOf(a.id)).toBe(3600);

    // B's physical order is confirmed, then completes by shipment, never by "fulfilled".
    expect((await call('POST', `/v1/seller/orders/${forB}/confirm`, shop.shopper(8302))).statusCode).toBe(200);
    await shop.app.pump.flush();
    await eventually(
      () => statusOf(forB),
      (s) => s === 'PAID',
    );
    expect((await call('POST', `/v1/seller/orders/${forB}/fulfil`, shop.shopper(8302))).statusCode).toBe(409);
    expect(await statusOf(forB)).toBe('PAID');
    expect(await balanceOf(b.id)).toBe(0);
    await shop.app.pump.flush();
    expect(await reconcileShop(shop)).toEqual([]);
  }, 60_000);
});
