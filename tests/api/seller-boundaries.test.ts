// Issue 13's boundaries over HTTP: a seller sees and changes only their own products, imports, orders, delivery
// options, balance and payouts. Every /v1/seller route is tried with another shop's ids (and the house's order
// numbers): 404 or none of theirs listed, and afterwards nothing of the other shop has changed. The role comes from
// our database: a suspended seller or a shopper without a shop is 403 everywhere.
import { databaseBackends } from '../support/services';
import { TestShop, createProduct, eventually, giveCredit, startTestShop } from '../support/test-shop';
import { addSeller, giveProductTo } from '../support/marketplace';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

const BOUNDARY = 'tillbot-boundary-test';
const csv = (content: string) => ({
  payload: Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="goods.csv"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n--${BOUNDARY}--\r\n`,
  ),
  headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
});

describe.each(databaseBackends())('a seller reaches only their own (%s)', (backend) => {
  let shop: TestShop;
  beforeAll(async () => {
    shop = await startTestShop(backend);
  });
  afterAll(() => shop.close());

  const call = (method: Method, url: string, headers: Record<string, string>, payload?: object) =>
    shop.api.inject({ method, url, headers, ...(payload !== undefined ? { payload } : {}) });
  const A = 8701;
  const B = 8702;
  const SHOPPER = 8750;

  it('another shop’s product, import, order, option and payout ids are 404 or absent on every seller route, and nothing changes', async () => {
    const a = await addSeller(shop.app.persistence, { telegramUserId: String(A), confirmWindowMinutes: 60 });
    const b = await addSeller(shop.app.persistence, { telegramUserId: String(B), confirmWindowMinutes: 60 });
    const key = await createProduct(shop, { sku: 'BD-KEY', title: 'Key', kind: 'code', price: { amount: 800, currency: 'CNY' } });
    await giveProductTo(shop.app.persistence, key, a.id);
    expect((await call('POST', `/v1/seller/products/${key}/codes`, shop.shopper(A), { codes: ['K-1', 'K-2'] })).statusCode).toBe(201);
    const lesson = await createProduct(shop, { sku: 'BD-LESSON', title: 'Lesson', kind: 'manual', price: { amount: 2000, currency: 'CNY' }, stock: 5 });
    await giveProductTo(shop.app.persistence, lesson, a.id);
    const houseItem = await createProduct(shop, { sku: 'BD-HOUSE', title: 'House pen', kind: 'manual', price: { amount: 300, currency: 'CNY' } });
    const option = (await call('POST', '/v1/seller/delivery-options', shop.shopper(A), { name: 'Courier', fee: 800, estimatedDays: 1 })).json();

    const started = await shop.api.inject({
      method: 'POST',
      url: '/v1/seller/imports',
      ...csv('sku,kind,title,price,stock\nBD-IMP,manual,Imported,5.00,2\n'),
      headers: { ...shop.shopper(A), ...csv('').headers },
    });
    expect(started.statusCode).toBe(202);
    const importId: string = started.json().id;
    await eventually(
      async () => (await call('GET', `/v1/seller/imports/${importId}`, shop.shopper(A))).json(),
      (j: { status: string }) => j.status === 'DONE',
      30_000,
    );

    // A's orders: one waiting for A, one confirmed manual one (waiting to be fulfilled); the house's own order.
    await giveCredit(shop, SHOPPER, 50_000);
    const checkout = async (key: string, productId: number) => {
      const placed = await call(
        'POST',
        '/v1/checkouts',
        { ...shop.shopper(SHOPPER), 'idempotency-key': key },
        { items: [{ productId, quantity: 1 }], paymentMethod: 'credit' },
      );
      expect(placed.statusCode).toBe(201);
      return (placed.json().orders as Array<{ orderNo: string }>)[0]?.orderNo ?? '';
    };
    const waiting = await checkout('boundary-1', lesson);
    const toFulfil = await checkout('boundary-2', lesson);
    expect((await call('POST', `/v1/seller/orders/${toFulfil}/confirm`, shop.shopper(A))).statusCode).toBe(200);
    const house = await call(
      'POST',
      '/v1/orders',
      { ...shop.shopper(SHOPPER), 'idempotency-key': 'boundary-house' },
      {
        items: [{ productId: houseItem, quantity: 1 }],
        paymentMethod: 'credit',
      },
    );
    expect(house.statusCode).toBe(201);
    const houseOrder: string = house.json().orderNo;

    // A sale credited to A, and a payout A asked for.
    await shop.app.pump.flush();
    expect((await call('POST', `/v1/seller/orders/${toFulfil}/fulfil`, shop.shopper(A), {})).statusCode).toBe(200);
    const payout = await call('POST', '/v1/seller/payouts', shop.shopper(A), { amount: 500 });
    expect(payout.statusCode).toBe(201);
    const payoutId: string = payout.json().id;

    const snapshot = async () => ({
      products: await Promise.all([key, lesson].map(async (id) => (await call('GET', `/v1/seller/products/${id}`, shop.shopper(A))).json())),
      orders: await Promise.all([waiting, toFulfil].map(async (no) => (await call('GET', `/v1/seller/orders/${no}`, shop.shopper(A))).json())),
      houseStatus: await (async () => {
        const story = await shop.app.shop.reporting.orderStory(houseOrder);
        return story.ok ? story.value.order.status : null;
      })(),
      options: (await call('GET', `/v1/sellers/${a.id}/delivery-options`, {})).json(),
      balance: (await call('GET', '/v1/seller/balance', shop.shopper(A))).json(),
      payouts: (await call('GET', '/v1/seller/payouts', shop.shopper(A))).json(),
      codes: (await shop.app.persistence.dataSource.query('SELECT COUNT(*) AS n FROM product_codes WHERE product_id = ?', [key])) as unknown,
    });
    const before = await snapshot();

    // B tries every route with A's ids and the house's order number.
    const tries: Array<[Method, string, object?]> = [
      ['GET', `/v1/seller/products/${key}`],
      ['PATCH', `/v1/seller/products/${key}`, { price: { amount: 1, currency: 'CNY' }, visible: false }],
      ['PATCH', `/v1/seller/products/${lesson}`, { stock: 0 }],
      ['PUT', `/v1/seller/products/${lesson}/texts`, { zh: { title: '偷' } }],
      ['POST', `/v1/seller/products/${key}/codes`, { codes: ['FORGED'] }],
      ['GET', `/v1/seller/imports/${importId}`],
      ['DELETE', `/v1/seller/delivery-options/${option.id}`],
      ...[waiting, toFulfil, houseOrder].flatMap((no): Array<[Method, string, object?]> => [
        ['GET', `/v1/seller/orders/${no}`],
        ['POST', `/v1/seller/orders/${no}/confirm`],
        ['POST', `/v1/seller/orders/${no}/cancel`, { reason: 'forged' }],
        ['POST', `/v1/seller/orders/${no}/ship`, { carrier: 'SF', trackingNo: 'X1' }],
        ['POST', `/v1/seller/orders/${no}/fulfil`, {}],
      ]),
    ];
    for (const [method, url, body] of tries) {
      const res = await call(method, url, shop.shopper(B), body);
      expect([method, url, res.statusCode]).toEqual([method, url, 404]);
    }
    // Lists show B's own only.
    expect((await call('GET', '/v1/seller/orders', shop.shopper(B))).json()).toMatchObject({ total: 0, items: [] });
    expect((await call('GET', '/v1/seller/products', shop.shopper(B))).json()).toMatchObject({ total: 0 });
    expect((await call('GET', '/v1/seller/payouts', shop.shopper(B))).json()).toMatchObject({ total: 0 });
    expect((await call('GET', '/v1/seller/balance', shop.shopper(B))).json()).toMatchObject({ sellerId: b.id, balance: 0, ledger: [] });
    // A payout asked for by B is B's and is refused: B has nothing.
    expect((await call('POST', '/v1/seller/payouts', shop.shopper(B), { amount: 500 })).statusCode).toBe(409);

    // A shopper without a shop, and a seller once suspended: the role is ours, whatever they send.
    const suspendedSeller = await addSeller(shop.app.persistence, { telegramUserId: '8703' });
    expect((await call('POST', `/v1/admin/sellers/${suspendedSeller.id}/suspend`, shop.admin)).statusCode).toBe(200);
    for (const who of [SHOPPER, 8703]) {
      for (const [method, url, body] of tries) expect([url, (await call(method, url, shop.shopper(who), body)).statusCode]).toEqual([url, 403]);
      expect((await call('GET', '/v1/seller/orders', shop.shopper(who))).statusCode).toBe(403);
      expect((await call('POST', '/v1/seller/payouts', shop.shopper(who), { amount: 1 })).statusCode).toBe(403);
    }

    await shop.app.pump.flush();
    expect(await snapshot()).toEqual(before);
    expect(before.orders.map((o: { status: string }) => o.status)).toEqual(['AWAITING_SELLER', 'DELIVERED']);
    expect(before.payouts).toMatchObject({ total: 1, items: [{ id: payoutId, status: 'requested' }] });
  }, 60_000);
});
