import { AddressInfo } from 'node:net';
import { databaseBackends } from '../support/services';
import { TestShop, createProduct, reconcileShop, startTestShop } from '../support/test-shop';

const HOUR = 3_600_000;

/**
 * Real parallel HTTP placements against a listening server: a coupon limited to 50 uses is held by exactly 50 orders
 * however many shoppers race for it, and the uses of orders that close unpaid (cancelled, expired) come back.
 */
describe.each(databaseBackends())('concurrent coupon placements (%s)', (backend) => {
  let shop: TestShop;
  let base: string;
  let ahead = 0;
  const clock = { now: () => new Date(Date.now() + ahead) };

  beforeAll(async () => {
    shop = await startTestShop(backend, {}, { clock });
    await shop.api.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(shop.api.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await shop.app.pump.flush();
    expect(await reconcileShop(shop)).toEqual([]);
    await shop.close();
  });

  const post = (path: string, headers: Record<string, string>, body?: unknown) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }).then(async (r) => ({
      status: r.status,
      body: (await r.json()) as Record<string, unknown> & { error?: { code: string }; orderNo?: string; total?: { amount: number } },
    }));
  const couponNow = async () => {
    const rows: Array<{ used: number | string }> = await shop.app.persistence.dataSource.query("SELECT used FROM coupons WHERE code = 'RUSH50'");
    const held: Array<{ n: number | string }> = await shop.app.persistence.dataSource.query(
      "SELECT COUNT(*) AS n FROM orders WHERE coupon_code = 'RUSH50' AND status IN ('CREATED', 'AWAITING_PAYMENT')",
    );
    return { used: Number(rows[0]?.used), held: Number(held[0]?.n) };
  };
  const race = (shoppers: number[], product: number, tag: string) =>
    Promise.all(
      shoppers.map((id) =>
        post(
          '/v1/orders',
          { ...shop.shopper(id), 'idempotency-key': `${tag}-${id}-key` },
          { items: [{ productId: product, quantity: 1 }], paymentMethod: 'wechatpay', coupon: 'rush50' },
        ),
      ),
    );

  it('200 shoppers at once for a 50-use coupon: exactly 50 discounted orders; cancelled and expired ones give their uses back', async () => {
    const product = await createProduct(shop, { sku: 'RUSH', title: 'Rush item', kind: 'manual', price: { amount: 1000, currency: 'CNY' }, stock: 1000 });
    const issued = await shop.api.inject({
      method: 'POST',
      url: '/v1/admin/coupons',
      headers: shop.admin,
      payload: { code: 'RUSH50', kind: 'fixed', value: 300, totalLimit: 50 },
    });
    expect(issued.statusCode).toBe(201);

    const shoppers = Array.from({ length: 200 }, (_, i) => 30_000 + i);
    const results = await race(shoppers, product, 'rush');
    const created = results.filter((r) => r.status === 201);
    const refused = results.filter((r) => r.status !== 201);
    expect(created).toHaveLength(50);
    expect(created.every((r) => r.body.total?.amount === 700)).toBe(true);
    expect(refused.map((r) => r.body.error?.code)).toEqual(Array(150).fill('COUPON_USED_UP'));
    expect(await couponNow()).toEqual({ used: 50, held: 50 });
    // A refused placement left nothing behind: no order, no redemption, no stock held.
    const rows: Array<{ n: number | string }> = await shop.app.persistence.dataSource.query('SELECT COUNT(*) AS n FROM coupon_redemptions');
    expect(Number(rows[0]?.n)).toBe(50);
    const productNow = await shop.app.shop.catalog.getProduct(product);
    expect(productNow.ok && productNow.value.stock).toBe(950);

    // Ten shoppers cancel: ten uses come back, and of twenty new shoppers racing for them exactly ten get one.
    const cancelling = created.slice(0, 10);
    const cancelled = await Promise.all(
      cancelling.map((r, i) => post(`/v1/orders/${String(r.body.orderNo)}/cancel`, shop.shopper(shoppers[results.indexOf(r)] ?? i))),
    );
    expect(cancelled.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(await couponNow()).toEqual({ used: 40, held: 40 });
    const second = await race(
      Array.from({ length: 20 }, (_, i) => 31_000 + i),
      product,
      'again',
    );
    expect(second.filter((r) => r.status === 201)).toHaveLength(10);
    expect(second.filter((r) => r.body.error?.code === 'COUPON_USED_UP')).toHaveLength(10);
    expect(await couponNow()).toEqual({ used: 50, held: 50 });

    // Past the pay window the job closes them all unpaid: every use comes back, once.
    ahead = HOUR;
    const ran = await shop.api.inject({ method: 'POST', url: '/v1/admin/jobs/close-expired-orders/run', headers: shop.admin });
    expect(ran.json()).toMatchObject({ ok: true, result: { closed: 50 } });
    expect(await couponNow()).toEqual({ used: 0, held: 0 });
    const report = (await shop.api.inject({ method: 'GET', url: '/v1/admin/coupons/RUSH50/report', headers: shop.admin })).json();
    expect(report).toMatchObject({ uses: 60, released: 60, paidOrders: 0, coupon: { used: 0 } });
    ahead = 0;
  });
});
