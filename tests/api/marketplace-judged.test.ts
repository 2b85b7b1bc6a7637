// Issue 13's "How it will be judged", as one story from outside on MySQL + Redis: two sellers apply and are approved,
// one lists its goods by file upload; a shopper buys from both and from the house with ONE QR payment; seller A
// confirms and hands its goods over, seller B cancels; the shopper is refunded exactly B's share, once, and hears
// every step; A's balance is its goods less the commission; a payout is recorded; reconcile is clean.
import { testMysqlUrl, testRedisUrl, uniqueName } from '../support/services';
import { TestShop, createProduct, eventually, reconcileShop, startListeningShop } from '../support/test-shop';

const BOUNDARY = 'tillbot-judged';
const upload = (content: string) => ({
  payload: Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="goods.csv"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n--${BOUNDARY}--\r\n`,
  ),
  type: `multipart/form-data; boundary=${BOUNDARY}`,
});

const onMysqlAndRedis = testMysqlUrl() && testRedisUrl() ? describe : describe.skip;

onMysqlAndRedis('the marketplace as it is judged (MySQL + Redis)', () => {
  let shop: TestShop & { base: string };
  beforeAll(async () => {
    shop = await startListeningShop('mysql', { REDIS_URL: testRedisUrl() ?? '', REDIS_KEY_PREFIX: `${uniqueName('tbj')}:` });
  });
  afterAll(() => shop?.close());

  const sandbox = () => {
    const gateway = shop.app.payments.sandbox;
    if (!gateway) throw new Error('sandbox not running');
    return gateway;
  };
  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, headers: Record<string, string>, payload?: object) =>
    shop.api.inject({ method, url, headers, ...(payload !== undefined ? { payload } : {}) });
  const statusOf = async (orderNo: string) => (await call('GET', `/v1/orders/${orderNo}`, shop.shopper(SHOPPER))).json().status as string;
  const eventsTo = async (topic: 'notify.shopper' | 'notify.seller', field: string, who: string | number): Promise<string[]> => {
    const rows = (await shop.app.persistence.dataSource.query("SELECT payload FROM outbox WHERE topic = ? AND status = 'DONE' ORDER BY id", [topic])) as Array<{
      payload: string;
    }>;
    return rows.map((r) => JSON.parse(r.payload) as Record<string, unknown>).flatMap((p) => (String(p[field]) === String(who) ? [String(p.event)] : []));
  };

  const A = 9101;
  const B = 9102;
  const SHOPPER = 9150;

  async function approved(userId: number, shopName: string): Promise<number> {
    const applied = await call('POST', '/v1/seller/application', shop.shopper(userId), { shopName, contact: `@${shopName}`, description: 'goods' });
    expect(applied.statusCode).toBe(201);
    const id: number = applied.json().id;
    expect((await call('POST', `/v1/admin/sellers/${id}/approve`, shop.admin)).json()).toMatchObject({ status: 'active' });
    return id;
  }

  it('two sellers and the house in one QR; A confirms and delivers, B cancels; money is exactly right', async () => {
    const a = await approved(A, 'Alpha Lessons');
    const b = await approved(B, 'Beta Keys');

    // A lists by file upload; B through the seller API (codes too); the house has its own goods.
    const file = upload('sku,kind,title,price,stock\nLESSON-1,manual,Guitar lesson,40.00,5\nLESSON-2,manual,Drum lesson,25.00,5\n');
    const started = await shop.api.inject({
      method: 'POST',
      url: '/v1/seller/imports',
      payload: file.payload,
      headers: { ...shop.shopper(A), 'content-type': file.type },
    });
    expect(started.statusCode).toBe(202);
    await eventually(
      async () => (await call('GET', `/v1/seller/imports/${started.json().id}`, shop.shopper(A))).json(),
      (j: { status: string }) => j.status === 'DONE',
      30_000,
    );
    const aGoods = (await call('GET', '/v1/seller/products', shop.shopper(A))).json().items as Array<{ id: number; sku: string }>;
    const lesson = aGoods.find((p) => p.sku === 'LESSON-1')?.id ?? 0;
    const bKey = await call('POST', '/v1/seller/products', shop.shopper(B), {
      sku: 'KEY-1',
      title: 'Game key',
      kind: 'code',
      price: { amount: 3000, currency: 'CNY' },
    });
    expect(bKey.statusCode).toBe(201);
    expect((await call('POST', `/v1/seller/products/${bKey.json().id}/codes`, shop.shopper(B), { codes: ['KEY-AAA', 'KEY-BBB'] })).statusCode).toBe(201);
    const housePen = await createProduct(shop, { sku: 'PEN-J', title: 'House pen', kind: 'code', price: { amount: 500, currency: 'CNY' } });
    await call('POST', `/v1/admin/products/${housePen}/codes`, shop.admin, { codes: ['PEN-1'] });
    // Shoppers see who sells what.
    expect((await call('GET', `/v1/products/${lesson}`, {})).json()).toMatchObject({ seller: { id: a, shopName: 'Alpha Lessons' } });

    const placed = await call(
      'POST',
      '/v1/checkouts',
      { ...shop.shopper(SHOPPER), 'idempotency-key': 'judged-checkout-1' },
      {
        items: [
          { productId: housePen, quantity: 1 },
          { productId: lesson, quantity: 2 },
          { productId: bKey.json().id, quantity: 1 },
        ],
        paymentMethod: 'wechatpay',
      },
    );
    expect(placed.statusCode).toBe(201);
    const checkout = placed.json();
    expect(checkout.total.amount).toBe(500 + 8000 + 3000);
    const orders = checkout.orders as Array<{ orderNo: string; sellerId: number; total: { amount: number } }>;
    const orderOf = (sellerId: number) => orders.find((o) => o.sellerId === sellerId) ?? { orderNo: '', total: { amount: -1 } };
    const [house, forA, forB] = [orderOf(1), orderOf(a), orderOf(b)];

    // ONE QR for the three shops.
    expect(sandbox().pay(checkout.checkoutNo).ok).toBe(true);
    await eventually(
      async () => [await statusOf(house.orderNo), await statusOf(forA.orderNo), await statusOf(forB.orderNo)].join(),
      (s) => s === 'DELIVERED,AWAITING_SELLER,AWAITING_SELLER',
      20_000,
    );

    // A confirms and hands the lessons over; B cancels.
    expect((await call('POST', `/v1/seller/orders/${forA.orderNo}/confirm`, shop.shopper(A))).statusCode).toBe(200);
    // A is told the lessons wait for A's own hands.
    await eventually(
      () => eventsTo('notify.seller', 'sellerId', a),
      (heard) => heard.includes('ORDER_TO_FULFIL'),
    );
    const delivered = await call('POST', `/v1/seller/orders/${forA.orderNo}/fulfil`, shop.shopper(A), { note: 'first lesson on Monday' });
    expect(delivered.json()).toMatchObject({ outcome: 'DELIVERED' });
    sandbox().knobs.duplicateNotifications(10);
    expect((await call('POST', `/v1/seller/orders/${forB.orderNo}/cancel`, shop.shopper(B), { reason: 'keys ran out' })).statusCode).toBe(200);
    await eventually(
      () => statusOf(forB.orderNo),
      (s) => s === 'REFUNDED',
      30_000,
    );
    await sandbox().idle();

    // Exactly B's share, once, against the one payment.
    expect(
      sandbox()
        .refunds()
        .filter((r) => r.outTradeNo === checkout.checkoutNo),
    ).toEqual([expect.objectContaining({ refund: 3000, total: 11500, status: 'SUCCESS' })]);
    expect((await call('GET', `/v1/checkouts/${checkout.checkoutNo}`, shop.shopper(SHOPPER))).json()).toMatchObject({ refunded: { amount: 3000 } });

    // A's balance: its goods less the default 10 %; a payout is asked for and recorded once.
    expect((await call('GET', '/v1/seller/balance', shop.shopper(A))).json()).toMatchObject({ balance: 7200 });
    expect((await call('GET', '/v1/seller/balance', shop.shopper(B))).json()).toMatchObject({ balance: 0 });
    const payout = await call('POST', '/v1/seller/payouts', shop.shopper(A), { amount: 7200 });
    expect(payout.statusCode).toBe(201);
    const paid = await call('POST', `/v1/admin/sellers/${a}/payouts/${payout.json().id}/paid`, shop.admin, { reference: 'BANK-0001' });
    expect(paid.json()).toMatchObject({ status: 'paid', reference: 'BANK-0001' });
    // Recorded once: a second "paid" finds no payout waiting (404) and the first reference stands.
    expect((await call('POST', `/v1/admin/sellers/${a}/payouts/${payout.json().id}/paid`, shop.admin, { reference: 'BANK-0002' })).statusCode).toBe(404);
    expect((await call('GET', '/v1/seller/payouts', shop.shopper(A))).json()).toMatchObject({ total: 1, items: [{ status: 'paid', reference: 'BANK-0001' }] });
    expect((await call('GET', '/v1/seller/balance', shop.shopper(A))).json()).toMatchObject({ balance: 0 });

    // Everyone heard each step.
    await shop.app.pump.flush();
    const shopperHeard = await eventsTo('notify.shopper', 'userId', SHOPPER);
    for (const event of ['ORDER_PAID', 'ORDER_DELIVERED', 'SELLER_ORDER_CONFIRMED', 'SELLER_ORDER_CANCELLED', 'REFUND_STARTED', 'ORDER_REFUNDED'])
      expect([event, shopperHeard.includes(event)]).toEqual([event, true]);
    expect(await eventsTo('notify.seller', 'sellerId', a)).toEqual(
      expect.arrayContaining(['SELLER_APPROVED', 'ORDER_TO_CONFIRM', 'ORDER_TO_FULFIL', 'SALE_CREDITED', 'PAYOUT_PAID']),
    );
    expect(await eventsTo('notify.seller', 'sellerId', b)).toEqual(expect.arrayContaining(['SELLER_APPROVED', 'ORDER_TO_CONFIRM']));
    expect(await reconcileShop(shop)).toEqual([]);
  }, 120_000);
});
