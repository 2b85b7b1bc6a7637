// Issue 5: "The provider failing order creation → the order is retried and becomes payable, or closes cleanly."
// The standalone sandbox answers the shop's create calls with 500 SYSTEM_ERROR; the retry-prepay and
// close-expired-orders jobs (every 2 s) do the rest. The pay window is one minute so that expiry comes in the test.
import { expectReconcileClean, FaultWorld, ShopProcess, startFaultWorld } from './support/fault-world';
import { describeOnMysqlAndRedis } from './support/on-mysql-and-redis';
import { eventually } from './support/eventually';
import { jobRuns } from './support/job-runs';

describeOnMysqlAndRedis('a payment provider that fails order creation', () => {
  let world: FaultWorld;
  let shop: ShopProcess;
  let keys: number;

  const stockOf = async (productId: number): Promise<number> => {
    const res = await shop.client.request<{ stock: number }>('GET', `/v1/products/${productId}`);
    return res.body.stock;
  };

  beforeAll(async () => {
    world = await startFaultWorld('prepay', { sandboxTimeScale: 0.01 });
    shop = await world.startShop({ name: 'shop', env: { ORDER_PAY_WINDOW_MINUTES: '1' } });
    keys = await shop.client.createProduct({ sku: 'KEY-P', title: 'Licence key', kind: 'code', price: { amount: 700, currency: 'CNY' } });
    await shop.client.addCodes(keys, ['PREPAY-KEY-1', 'PREPAY-KEY-2']);
  }, 180_000);
  afterAll(async () => {
    await world?.close();
  }, 60_000);

  it('retries the order creation until the provider takes it; the order becomes payable, is paid and delivered', async () => {
    // Two calls' worth of failures (the client itself tries each call 3 times): placement and the first retry fail.
    await world.sandbox.failNext('create', 6, { status: 500, code: 'SYSTEM_ERROR', message: 'injected' });
    const placed = await shop.client.placeOrder(6201, 'prepay-retried-01', [{ productId: keys, quantity: 1 }], 'wechatpay');
    expect(placed).toMatchObject({ status: 201, body: { status: 'CREATED', payment: { status: 'RETRYING' } } });
    const orderNo = placed.body.orderNo;
    expect(await stockOf(keys)).toBe(1);
    expect(await world.sandbox.trade(orderNo)).toBeNull();

    await eventually(
      () => shop.client.orderStatus(orderNo),
      (s) => s === 'AWAITING_PAYMENT',
      40_000,
      world,
    );
    expect(await world.sandbox.failuresLeft('create')).toBe(0);
    const prepayRuns = (await jobRuns(world.db, 'retry-prepay')).filter((r) => (r.result.waiting ?? 0) > 0);
    expect(prepayRuns.map((r) => r.result)).toEqual([expect.objectContaining({ failed: 1 }), expect.objectContaining({ ready: 1 })]);

    expect((await world.sandbox.pay(orderNo)).status).toBe(200);
    await eventually(
      () => shop.client.orderStatus(orderNo),
      (s) => s === 'DELIVERED',
      20_000,
      world,
    );
    const view = await shop.client.request<{ codes?: string[] }>('GET', `/v1/orders/${orderNo}`, { headers: shop.client.shopper(6201) });
    expect(view.body.codes).toHaveLength(1);
    await expectReconcileClean(world);
  }, 90_000);

  it('closes the order cleanly when the provider keeps failing past the pay window: stock and code released', async () => {
    await world.sandbox.failNext('create', 10_000, { status: 500, code: 'SYSTEM_ERROR', message: 'injected' });
    const before = await stockOf(keys);
    const placed = await shop.client.placeOrder(6202, 'prepay-never-01', [{ productId: keys, quantity: 1 }], 'wechatpay');
    expect(placed).toMatchObject({ status: 201, body: { status: 'CREATED', payment: { status: 'RETRYING' } } });
    const orderNo = placed.body.orderNo;
    expect(await stockOf(keys)).toBe(before - 1);
    // The shopper's own "try again" is answered, not failed: still retrying.
    const again = await shop.client.request('POST', `/v1/orders/${orderNo}/payment`, { headers: shop.client.shopper(6202) });
    expect(again).toMatchObject({ status: 200, body: { status: 'RETRYING' } });

    const closed = await eventually(
      () => shop.client.order(orderNo),
      (r) => r.body.status === 'CLOSED',
      100_000,
      world,
      1000,
    );
    expect(closed.body).toMatchObject({ closeReason: 'expired' });
    expect(await stockOf(keys)).toBe(before);
    expect(await world.sandbox.trade(orderNo)).toBeNull();
    const [[code]] = (await world.db.query('SELECT COUNT(*) AS n FROM product_codes WHERE order_no = ?', [orderNo])) as unknown as [[{ n: number }]];
    expect(Number(code.n)).toBe(0);
    await world.sandbox.resetKnobs();

    // The released key can be sold again.
    const next = await shop.client.placeOrder(6203, 'prepay-after-01', [{ productId: keys, quantity: 1 }], 'wechatpay');
    expect(next).toMatchObject({ status: 201, body: { status: 'AWAITING_PAYMENT' } });

    await expectReconcileClean(world);
  }, 150_000);
});
