import { databaseBackends } from '../support/services';
import { TestShop, createProduct, giveCredit, reconcileShop, startTestShop } from '../support/test-shop';

describe.each(databaseBackends())('reconcile finds what breaks the books (%s)', (backend) => {
  let shop: TestShop;
  beforeAll(async () => {
    shop = await startTestShop(backend);
    const keyProduct = await createProduct(shop, { sku: 'K', title: 'Key', kind: 'code', price: { amount: 100, currency: 'CNY' } });
    await shop.app.shop.catalog.addCodes(keyProduct, ['K-1', 'K-2', 'K-3']);
    await giveCredit(shop, 501, 1000);
    const placed = await shop.api.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: { ...shop.shopper(501), 'idempotency-key': 'reconcile-key-1' },
      payload: { items: [{ productId: keyProduct, quantity: 1 }], paymentMethod: 'credit' },
    });
    expect(placed.statusCode).toBe(201);
    await shop.app.pump.flush();
  });
  afterAll(() => shop.close());

  const sql = (q: string) => shop.app.persistence.dataSource.query(q);

  it('a healthy shop is clean', async () => {
    expect(await reconcileShop(shop)).toEqual([]);
  });

  it('reports a balance that is not the sum of its ledger', async () => {
    await sql(`UPDATE accounts SET balance = balance + 1 WHERE user_id = '501'`);
    expect((await reconcileShop(shop)).join('\n')).toMatch(/^ledger: account 501: balance 901, Σ ledger 900/);
    await sql(`UPDATE accounts SET balance = balance - 1 WHERE user_id = '501'`);
  });

  it('reports a paid order with a second successful payment', async () => {
    const [{ order_no: orderNo }] = await sql(`SELECT order_no FROM orders LIMIT 1`);
    await sql(
      `INSERT INTO payments (order_no, provider, out_trade_no, amount, currency, status, created_at, check_attempts) VALUES ('${orderNo}', 'credit', 'DUP-${orderNo}', 100, 'CNY', 'SUCCEEDED', 0, 0)`,
    );
    expect((await reconcileShop(shop)).join('\n')).toContain(`payment: order ${orderNo} (DELIVERED, total 100): 2 successful payment(s) of 200 in all`);
    await sql(`DELETE FROM payments WHERE out_trade_no = 'DUP-${orderNo}'`);
  });

  it('reports an order whose total is not its lines less their discounts, and a coupon counter out of step with its redemptions', async () => {
    const [{ order_no: orderNo }] = await sql(`SELECT order_no FROM orders LIMIT 1`);
    await sql(`UPDATE order_lines SET discount = 30 WHERE order_no = '${orderNo}'`);
    await sql(`UPDATE orders SET discount_amount = 30 WHERE order_no = '${orderNo}'`);
    expect((await reconcileShop(shop)).join('\n')).toContain(
      `coupon: order ${orderNo}: total 100 but its lines less their discounts and its delivery fee come to 70`,
    );
    await sql(`UPDATE order_lines SET discount = 0 WHERE order_no = '${orderNo}'`);
    await sql(`UPDATE orders SET discount_amount = 0 WHERE order_no = '${orderNo}'`);
    const issued = await shop.api.inject({
      method: 'POST',
      url: '/v1/admin/coupons',
      headers: shop.admin,
      payload: { code: 'DRIFT', kind: 'fixed', value: 10 },
    });
    expect(issued.statusCode).toBe(201);
    await sql(`UPDATE coupons SET used = 2 WHERE code = 'DRIFT'`);
    expect((await reconcileShop(shop)).join('\n')).toContain('coupon: coupon DRIFT: counts 2 uses but 0 purchase(s) hold one');
    await sql(`UPDATE coupons SET used = 0 WHERE code = 'DRIFT'`);
    expect(await reconcileShop(shop)).toEqual([]);
  });

  it('reports a code stock counter out of step with its pool', async () => {
    await sql(`UPDATE products SET stock = stock + 5 WHERE sku = 'K'`);
    expect((await reconcileShop(shop)).join('\n')).toMatch(/codes: product \d+: stock 7 but 2 codes available/);
    await sql(`UPDATE products SET stock = stock - 5 WHERE sku = 'K'`);
    expect(await reconcileShop(shop)).toEqual([]);
  });
});
