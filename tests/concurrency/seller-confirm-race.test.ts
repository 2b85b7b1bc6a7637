// A seller confirming while the window job cancels the same order, 200 times on a real MySQL/MariaDB: both are
// conditional updates from AWAITING_SELLER, so exactly one wins each time — a confirmed order is never refunded, a
// cancelled one never delivered, and each cancelled one is refunded exactly once. (SQLite runs one writer at a time,
// so the race is MySQL's to prove.)
import { testMysqlUrl } from '../support/services';
import { TestShop, createProduct, giveCredit, reconcileShop, startTestShop } from '../support/test-shop';
import { addSeller, giveProductTo } from '../support/marketplace';

const ROUNDS = 200;
const maybe = testMysqlUrl() ? describe : describe.skip;

maybe('seller confirm vs the confirmation-window job (mysql)', () => {
  let shop: TestShop;
  beforeAll(async () => {
    shop = await startTestShop('mysql');
  });
  afterAll(() => shop.close());

  it(`exactly one of them wins, ${ROUNDS} times`, async () => {
    const seller = await addSeller(shop.app.persistence, { telegramUserId: '9001', confirmWindowMinutes: 60 });
    const product = await createProduct(shop, { sku: 'RACE', title: 'Race item', kind: 'manual', price: { amount: 100, currency: 'CNY' } });
    await giveProductTo(shop.app.persistence, product, seller.id);
    const shopper = 9100;
    await giveCredit(shop, shopper, ROUNDS * 100);
    const orders: string[] = [];
    for (let i = 0; i < ROUNDS; i += 1) {
      const placed = await shop.app.shop.payment.placeCheckout({
        shopperId: String(shopper),
        idempotencyKey: `race-checkout-${i}`,
        items: [{ productId: product, quantity: 1 }],
        paymentMethod: 'credit',
      });
      if (!placed.ok) throw new Error(placed.error.message);
      const order = placed.value.orders[0]?.snapshot;
      if (order?.status !== 'AWAITING_SELLER') throw new Error(`order ${order?.orderNo} is ${order?.status}`);
      orders.push(order.orderNo);
    }
    // Every window has passed: the job may cancel any of them while the seller confirms.
    await shop.app.persistence.dataSource.query("UPDATE orders SET confirm_by = 0 WHERE status = 'AWAITING_SELLER'");

    let jobCancelled = 0;
    const job = async () => {
      for (;;) {
        const report = await shop.app.shop.payment.cancelUnconfirmedSellerOrders(7);
        jobCancelled += report.cancelled;
        if (report.overdue === 0) return;
      }
    };
    const confirms = orders.map((orderNo) => shop.app.shop.ordering.confirmSellerOrder(seller.id, orderNo));
    const [results] = await Promise.all([Promise.all(confirms), job(), job()]);
    const confirmed = new Set(orders.filter((_, i) => results[i]?.ok));
    const refusedCodes = new Set(results.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.error.code)));
    expect([...refusedCodes].every((c) => c === 'ORDER_NOT_CONFIRMABLE')).toBe(true);
    expect(confirmed.size + jobCancelled).toBe(ROUNDS);
    await shop.app.pump.flush();

    const rows = (await shop.app.persistence.dataSource.query(
      `SELECT o.order_no AS order_no, o.status AS status, o.refunded_amount AS refunded,
              (SELECT COUNT(*) FROM refunds r WHERE r.order_no = o.order_no) AS refunds
       FROM orders o WHERE o.seller_id = ?`,
      [seller.id],
    )) as Array<{ order_no: string; status: string; refunded: unknown; refunds: unknown }>;
    expect(rows).toHaveLength(ROUNDS);
    for (const row of rows) {
      if (confirmed.has(row.order_no)) expect([row.status, Number(row.refunds)]).toEqual(['PAID', 0]);
      else expect([row.status, Number(row.refunds), Number(row.refunded)]).toEqual(['REFUNDED', 1, 100]);
    }
    // The cancelled ones' money is back on the balance, the confirmed ones' is held for the seller.
    const account = await shop.app.shop.account.getAccount(String(shopper));
    expect(account.balance).toBe(jobCancelled * 100);
    expect(await reconcileShop(shop)).toEqual([]);
  }, 180_000);
});
