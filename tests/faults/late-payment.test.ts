// Issue 5: "Payment arriving after the order closed → delivered or refunded, never ignored." Across a real restart:
// the orders are closed, the shop goes down, the money comes in while it is down, and the shop comes back up.
import { expectReconcileClean, FaultWorld, ShopProcess, startFaultWorld } from './support/fault-world';
import { describeOnMysqlAndRedis } from './support/on-mysql-and-redis';
import { eventually } from './support/eventually';

describeOnMysqlAndRedis('money for an order that is already closed', () => {
  let world: FaultWorld;
  let shop: ShopProcess;
  let pack: number;
  let lastKey: number;

  beforeAll(async () => {
    // Callback retries at 1.5 s, 1.5 s, 3 s, 18 s …: the shop is down for the first ones.
    world = await startFaultWorld('latepay', { sandboxTimeScale: 0.1 });
    shop = await world.startShop({ name: 'shop' });
    pack = await shop.client.createProduct({
      sku: 'PACK-12',
      title: '¥12 credit',
      kind: 'credit',
      price: { amount: 1200, currency: 'CNY' },
      creditAmount: 1300,
    });
    lastKey = await shop.client.createProduct({ sku: 'LAST-KEY', title: 'The last licence key', kind: 'code', price: { amount: 900, currency: 'CNY' } });
    await shop.client.addCodes(lastKey, ['ONLY-ONE-KEY']);
    await shop.client.giveCredit(9300, 5_000);
  }, 180_000);
  afterAll(async () => {
    await world?.close();
  }, 60_000);

  it('delivers it when the goods are still there and refunds it in full when they are gone; reconcile is clean', async () => {
    const stillThere = await shop.client.placeOrder(9301, 'late-still-there', [{ productId: pack, quantity: 1 }], 'wechatpay');
    const goneSoon = await shop.client.placeOrder(9302, 'late-gone-soon', [{ productId: lastKey, quantity: 1 }], 'wechatpay');
    expect([stillThere.status, goneSoon.status]).toEqual([201, 201]);
    const [deliverNo, refundNo] = [stillThere.body.orderNo, goneSoon.body.orderNo];

    // Both shoppers cancel. The shop asks the provider first (NOTPAY), then closes there — and the provider answers
    // ORDER_NOT_EXIST (as for a trade it has not made visible yet), so the shop closes locally while the trade stays
    // payable at the provider: the window in which money can arrive for a closed order.
    await world.sandbox.failNext('close', 2, { status: 404, code: 'ORDER_NOT_EXIST', message: 'order not visible yet' });
    for (const [user, orderNo] of [
      [9301, deliverNo],
      [9302, refundNo],
    ] as const) {
      const cancelled = await shop.client.request<{ status: string }>('POST', `/v1/orders/${orderNo}/cancel`, { headers: shop.client.shopper(user) });
      expect(cancelled).toMatchObject({ status: 200, body: { status: 'CLOSED' } });
      expect((await world.sandbox.trade(orderNo))?.state).toBe('NOTPAY');
    }
    // The released key is sold to someone else: no stock is left for the late payer of that order.
    const other = await shop.client.placeOrder(9300, 'late-other-buyer', [{ productId: lastKey, quantity: 1 }], 'credit');
    expect(other).toMatchObject({ status: 201, body: { status: expect.stringMatching(/^(PAID|DELIVERED)$/) } });

    // The shop goes down (a deploy); both shoppers pay while it is down; the provider keeps calling back.
    const stopped = await shop.proc.kill('SIGTERM');
    expect(stopped.code).toBe(0);
    for (const orderNo of [deliverNo, refundNo]) expect((await world.sandbox.pay(orderNo)).status).toBe(200);
    await eventually(
      () => world.sandbox.notifications(),
      (ns) => [deliverNo, refundNo].every((no) => ns.some((n) => n.outTradeNo === no && n.attempts.length > 0)),
      20_000,
      world,
    );
    await shop.restart();

    await eventually(
      () => shop.client.orderStatus(deliverNo),
      (s) => s === 'DELIVERED',
      60_000,
      world,
    );
    expect(await shop.client.balance(9301)).toBe(1300);
    await eventually(
      () => shop.client.orderStatus(refundNo),
      (s) => s === 'REFUNDED',
      60_000,
      world,
    );
    const refunds = (await world.sandbox.refunds()).filter((r) => r.outTradeNo === refundNo);
    expect(refunds).toEqual([expect.objectContaining({ status: 'SUCCESS', refund: 900 })]);
    expect((await world.sandbox.trade(refundNo))?.state).toBe('REFUND');
    expect((await world.sandbox.refunds()).filter((r) => r.outTradeNo === deliverNo)).toEqual([]);

    // Never ignored: each callback that met the stopped shop was answered only after the restart.
    const notices = (await world.sandbox.notifications()).filter((n) => n.eventType === 'TRANSACTION.SUCCESS' && [deliverNo, refundNo].includes(n.outTradeNo));
    expect(notices.map((n) => n.status)).toEqual(['acknowledged', 'acknowledged']);
    expect(notices.every((n) => n.attempts.some((x) => !x.acknowledged))).toBe(true);

    await expectReconcileClean(world);
  }, 180_000);
});
