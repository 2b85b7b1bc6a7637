// Issue 13: "kill -9 between 'seller cancelled' and 'refund sent' → refunded once after restart." The window is
// made real: the gateway holds the refund call open, and the shop is killed while it waits. The cancel committed the
// refund's execution to the outbox in the same transaction; after the restart the dead claim lapses and the refund
// goes out again under the same out_refund_no, so the shopper gets exactly the seller's share back, once.
import { expectReconcileClean, FaultWorld, ShopProcess, startFaultWorld } from './support/fault-world';
import { describeOnMysqlAndRedis } from './support/on-mysql-and-redis';
import { eventually } from './support/eventually';
import { must } from '../support/must';

const SELLER_TG = 5490;

describeOnMysqlAndRedis('a shop killed with SIGKILL between a seller cancel and its refund', () => {
  let world: FaultWorld;
  let shop: ShopProcess;

  const orderRow = async (orderNo: string) => {
    const [rows] = (await world.db.query('SELECT status, refunded_amount FROM orders WHERE order_no = ?', [orderNo])) as unknown as [
      Array<{ status: string; refunded_amount: number | string }>,
    ];
    return must(rows[0], `the order row of ${orderNo}`);
  };

  beforeAll(async () => {
    world = await startFaultWorld('refundkill', { sandboxTimeScale: 0.01 });
    shop = await world.startShop({ name: 'shop' });
  }, 180_000);
  afterAll(async () => {
    await world?.close();
  }, 60_000);

  it('refunds the cancelled share once after the restart; the house part stays paid; reconcile clean', async () => {
    await world.db.query(
      `INSERT INTO sellers (telegram_user_id, shop_name, contact, description, status, confirm_window_minutes, auto_confirm, created_at, updated_at)
       VALUES (?, 'Kill Shop', '@kill', 'test', 'active', 60, 0, 0, 0)`,
      [String(SELLER_TG)],
    );
    const [sellers] = (await world.db.query('SELECT id FROM sellers WHERE telegram_user_id = ?', [String(SELLER_TG)])) as unknown as [Array<{ id: number }>];
    const sellerId = Number(must(sellers[0], 'the seller').id);
    await world.db.query('INSERT INTO seller_balances (seller_id, balance_minor, updated_at) VALUES (?, 0, 0)', [sellerId]);
    const theirs = await shop.client.createProduct({ sku: 'KILL-1', title: 'Their goods', kind: 'manual', price: { amount: 2000, currency: 'CNY' } });
    await world.db.query('UPDATE products SET seller_id = ? WHERE id = ?', [sellerId, theirs]);
    const house = await shop.client.createProduct({ sku: 'HOUSE-1', title: 'House goods', kind: 'manual', price: { amount: 700, currency: 'CNY' } });

    const placed = await shop.client.request<{ checkoutNo: string; orders: Array<{ orderNo: string; sellerId: number }> }>('POST', '/v1/checkouts', {
      headers: { ...shop.client.shopper(5401), 'idempotency-key': 'killed-checkout-0001' },
      body: {
        items: [
          { productId: house, quantity: 1 },
          { productId: theirs, quantity: 1 },
        ],
        paymentMethod: 'wechatpay',
      },
    });
    expect(placed.status).toBe(201);
    const { checkoutNo } = placed.body;
    const forSeller = must(
      placed.body.orders.find((o) => o.sellerId === sellerId),
      "the seller's order",
    ).orderNo;
    expect((await world.sandbox.pay(checkoutNo)).status).toBe(200);
    await eventually(
      () => orderRow(forSeller),
      (r) => r.status === 'AWAITING_SELLER',
      30_000,
      world,
    );

    // The refund call will hang: the cancel commits, the outbox sends it, and the shop dies waiting for the answer.
    await world.sandbox.failNext('refund', 1, { hang: true });
    const cancelled = await shop.client.request('POST', `/v1/seller/orders/${forSeller}/cancel`, {
      headers: shop.client.shopper(SELLER_TG),
      body: { reason: 'cannot deliver' },
    });
    expect(cancelled.status).toBe(200);
    await eventually(
      () => world.sandbox.failuresLeft('refund'),
      (n) => n === 0,
      30_000,
      world,
    );
    expect((await orderRow(forSeller)).status).toBe('REFUNDING');
    const exit = await shop.proc.kill('SIGKILL');
    expect(exit.signal).toBe('SIGKILL');

    await shop.restart();
    await eventually(
      () => orderRow(forSeller),
      (r) => r.status === 'REFUNDED',
      150_000,
      world,
      1000,
    );
    expect(Number((await orderRow(forSeller)).refunded_amount)).toBe(2000);
    const atGateway = (await world.sandbox.refunds()).filter((r) => r.outTradeNo === checkoutNo);
    expect(atGateway).toEqual([expect.objectContaining({ outRefundNo: `${forSeller}-C`, refund: 2000, status: 'SUCCESS' })]);
    const [refunds] = (await world.db.query('SELECT COUNT(*) AS n FROM refunds WHERE order_no = ?', [forSeller])) as unknown as [Array<{ n: number }>];
    expect(Number(must(refunds[0], 'count').n)).toBe(1);
    await expectReconcileClean(world);
  }, 300_000);
});
