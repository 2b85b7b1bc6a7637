// What a caller reads when the shop says no: one style ("field: must …", like the domain's own refusals), the
// allowed values listed, no regex patterns; and the order lists answer in pages with their totals.
import { TestShop, createProduct, giveCredit, startTestShop } from '../support/test-shop';

describe('refusals in words, and paged order lists', () => {
  let shop: TestShop;
  let product: number;
  beforeAll(async () => {
    shop = await startTestShop('sqlite');
    product = await createProduct(shop, { sku: 'WORDS', title: 'Words', kind: 'manual', price: { amount: 100, currency: 'CNY' }, stock: 100 });
    await giveCredit(shop, 7301, 10_000);
  });
  afterAll(() => shop.close());

  const order = (payload: unknown) =>
    shop.api.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: { ...shop.shopper(7301), 'idempotency-key': `words-${Math.random().toString(36).slice(2)}` },
      payload: payload as object,
    });

  it.each([
    [{ items: [{ productId: 1, quantity: '2' }], paymentMethod: 'credit' }, 'body.items.0.quantity: must be a whole number'],
    [{ items: [{ productId: 1, quantity: 0 }], paymentMethod: 'credit' }, 'body.items.0.quantity: must be at least 1'],
    [{ items: [{ productId: 1, quantity: 1 }], paymentMethod: 'cash' }, 'body.paymentMethod: must be one of credit, wechatpay, alipay, stars'],
    [{ items: [{ productId: 1, quantity: 1 }], paymentMethod: 'credit', price: 1 }, 'body.price: is not a field this request takes'],
    [{ items: [], paymentMethod: 'credit' }, 'body.items: must have at least 1 item'],
    [{ items: [{ productId: 1 }], paymentMethod: 'credit' }, 'body.items.0.quantity: is required'],
    [[1, 2], 'body: must be an object'],
  ])('%j → %s', async (payload, message) => {
    const res = await order(payload);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: { code: 'VALIDATION_FAILED', message, details: { field: message.split(':')[0] } } });
  });

  it('explains a pattern instead of showing it, and lists allowed values in queries too', async () => {
    const byId = await shop.api.inject({ method: 'GET', url: '/v1/products/abc' });
    expect(byId.json().error.message).toBe('params.id: must be a product id: a whole number from 1');
    const status = await shop.api.inject({ method: 'GET', url: '/v1/admin/orders?status=NOPE', headers: shop.admin });
    expect(status.json().error.message).toMatch(/^querystring\.status: must be one of CREATED, AWAITING_PAYMENT, .*PAID, .*PARTIALLY_REFUNDED$/);
    const nullable = await shop.api.inject({
      method: 'POST',
      url: '/v1/admin/products',
      headers: shop.admin,
      payload: { sku: 'NUL', title: 'X', kind: 'manual', price: { amount: 1, currency: 'CNY' }, stock: 'lots' },
    });
    expect(nullable.json().error.message).toBe('body.stock: must be a whole number or null');
    for (const url of ['/v1/products?pageSize=x', '/v1/products/0', '/v1/admin/orders/stuck?olderThanMinutes=-1']) {
      const res = await shop.api.inject({ method: 'GET', url, headers: shop.admin });
      expect([url, res.statusCode]).toEqual([url, 400]);
      expect(res.json().error.message).not.toMatch(/[\^$[\]{}]/);
    }
  });

  it("pages a shopper's orders and the admin's list, with totals", async () => {
    for (let i = 0; i < 3; i += 1) expect((await order({ items: [{ productId: product, quantity: i + 1 }], paymentMethod: 'credit' })).statusCode).toBe(201);
    const first = await shop.api.inject({ method: 'GET', url: '/v1/orders?pageSize=2', headers: shop.shopper(7301) });
    expect(first.json()).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(first.json().items).toHaveLength(2);
    const second = await shop.api.inject({ method: 'GET', url: '/v1/orders?page=2&pageSize=2', headers: shop.shopper(7301) });
    expect(second.json().items.map((o: { total: { amount: number } }) => o.total.amount)).toEqual([100]);
    const admin = await shop.api.inject({ method: 'GET', url: '/v1/admin/orders?pageSize=1&status=DELIVERED', headers: shop.admin });
    expect(admin.json()).toMatchObject({ page: 1, pageSize: 1, total: 0 });
    const paid = await shop.api.inject({ method: 'GET', url: '/v1/admin/orders?pageSize=1', headers: shop.admin });
    expect(paid.json()).toMatchObject({ total: 3, items: [{ userId: '7301', status: 'PAID', deliveryAttempts: expect.any(Number) }] });
    const tooBig = await shop.api.inject({ method: 'GET', url: '/v1/orders?pageSize=500', headers: shop.shopper(7301) });
    expect(tooBig.json().error).toMatchObject({ code: 'VALIDATION_FAILED', message: 'pageSize: must be at most 100' });
  });

  it('lists the stuck orders for admins, with an age threshold', async () => {
    // Just paid manual orders wait for an admin, but not yet for long: not stuck.
    const stuck = await shop.api.inject({ method: 'GET', url: '/v1/admin/orders/stuck?olderThanMinutes=1', headers: shop.admin });
    expect(stuck.json()).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });
    expect((await shop.api.inject({ method: 'GET', url: '/v1/admin/orders/stuck', headers: shop.shopper(7301) })).statusCode).toBe(401);
  });
});
