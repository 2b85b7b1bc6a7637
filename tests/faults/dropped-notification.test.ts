// Issue 5: "A notification that never arrives → the order is found paid and delivered within one repair period."
// A real shop process, the standalone sandbox told to lose the callback, and the repair job on a 2 s schedule.
import { expectReconcileClean, FaultWorld, ShopProcess, startFaultWorld } from './support/fault-world';
import { describeOnMysqlAndRedis } from './support/on-mysql-and-redis';
import { eventually } from './support/eventually';
import { jobRuns } from './support/job-runs';
import { must } from '../support/must';

const FIRST_CHECK_SECONDS = 3;

describeOnMysqlAndRedis('a payment notification that never arrives', () => {
  let world: FaultWorld;
  let shop: ShopProcess;
  let pack: number;

  beforeAll(async () => {
    world = await startFaultWorld('dropped', { sandboxTimeScale: 0.01 });
    shop = await world.startShop({ name: 'shop', env: { PAYMENT_FIRST_CHECK_SECONDS: String(FIRST_CHECK_SECONDS) } });
    pack = await shop.client.createProduct({
      sku: 'PACK-10',
      title: '¥10 credit pack',
      kind: 'credit',
      price: { amount: 1000, currency: 'CNY' },
      creditAmount: 1100,
    });
  }, 180_000);
  afterAll(async () => {
    await world?.close();
  }, 60_000);

  it('is found by the first repair run after its check is due, delivered once, and the books reconcile', async () => {
    const user = 5101;
    await world.sandbox.dropNotifications(1);
    const placed = await shop.client.placeOrder(user, 'dropped-order-0001', [{ productId: pack, quantity: 1 }], 'wechatpay');
    expect(placed).toMatchObject({ status: 201, body: { status: 'AWAITING_PAYMENT', payment: { status: 'READY' } } });
    const orderNo = placed.body.orderNo;
    const [[payment]] = (await world.db.query('SELECT next_check_at FROM payments WHERE out_trade_no = ?', [orderNo])) as unknown as [
      Array<{ next_check_at: string }>,
    ];
    const checkDueAt = Number(must(payment, `the payment row of ${orderNo}`).next_check_at);

    expect((await world.sandbox.pay(orderNo)).status).toBe(200);
    // The proof needs the money in before the first check: otherwise that check rightly finds it unpaid and backs off.
    expect(Date.now()).toBeLessThan(checkDueAt);
    const notices = (await world.sandbox.notifications()).filter((n) => n.outTradeNo === orderNo);
    expect(notices).toEqual([expect.objectContaining({ status: 'dropped', attempts: [] })]);

    await eventually(
      () => shop.client.orderStatus(orderNo),
      (s) => s === 'DELIVERED',
      30_000,
      world,
    );

    // Found by the repair job's FIRST run after the check came due (not a later one, not the callback): one period.
    const runs = (await jobRuns(world.db, 'repair-dropped-payments')).filter((r) => r.trigger === 'schedule' && r.startedAt >= checkDueAt);
    expect(runs.length).toBeGreaterThan(0);
    expect(must(runs[0], 'a scheduled repair run after the check came due').result).toMatchObject({ paid: 1 });
    const [[checked]] = (await world.db.query('SELECT status, check_attempts FROM payments WHERE out_trade_no = ?', [orderNo])) as unknown as [
      Array<{ status: string; check_attempts: number }>,
    ];
    expect(checked).toEqual({ status: 'SUCCEEDED', check_attempts: 0 });

    // Delivered exactly once: one top-up in the ledger.
    expect(await shop.client.balance(user)).toBe(1100);
    const ledger = await shop.client.request<{ items: unknown[] }>('GET', '/v1/account/ledger', { headers: shop.client.shopper(user) });
    expect(ledger.body.items).toHaveLength(1);

    await expectReconcileClean(world);
  }, 120_000);
});
