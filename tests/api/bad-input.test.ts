import { signInitData } from '../../infrastructure/telegram/init-data';
import { databaseBackends } from '../support/services';
import { TEST_BOT_TOKEN, TestShop, createProduct, giveCredit, startTestShop } from '../support/test-shop';

describe.each(databaseBackends())('bad input gets a clear 4xx and changes nothing (%s)', (backend) => {
  let shop: TestShop;
  let product: number;
  const user = 8001;

  beforeAll(async () => {
    shop = await startTestShop(backend);
    product = await createProduct(shop, { sku: 'THING', title: 'Thing', kind: 'manual', price: { amount: 500, currency: 'CNY' }, stock: 10 });
    await giveCredit(shop, user, 10_000);
  });
  afterAll(() => shop.close());

  const order = (payload: string | object, headers: Record<string, string> = {}) =>
    shop.api.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: { ...shop.shopper(user), 'idempotency-key': `bad-input-${Math.random().toString(36).slice(2)}`, 'content-type': 'application/json', ...headers },
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });

  async function unchanged(): Promise<void> {
    expect((await shop.api.inject({ method: 'GET', url: `/v1/products/${product}` })).json().stock).toBe(10);
    expect((await shop.api.inject({ method: 'GET', url: '/v1/account', headers: shop.shopper(user) })).json().balance.amount).toBe(10_000);
    expect((await shop.api.inject({ method: 'GET', url: '/v1/orders', headers: shop.shopper(user) })).json().items).toEqual([]);
  }

  it.each([
    ['malformed JSON', '{"items": [', 400, 'INVALID_JSON'],
    ['a string quantity', { items: [{ productId: 1, quantity: '2' }], paymentMethod: 'credit' }, 400, 'VALIDATION_FAILED'],
    ['a negative quantity', { items: [{ productId: 1, quantity: -1 }], paymentMethod: 'credit' }, 400, 'VALIDATION_FAILED'],
    ['a zero quantity', { items: [{ productId: 1, quantity: 0 }], paymentMethod: 'credit' }, 400, 'VALIDATION_FAILED'],
    ['a huge quantity', { items: [{ productId: 1, quantity: 1e12 }], paymentMethod: 'credit' }, 400, 'VALIDATION_FAILED'],
    ['a fractional quantity', { items: [{ productId: 1, quantity: 1.5 }], paymentMethod: 'credit' }, 400, 'VALIDATION_FAILED'],
    ['an unknown field', { items: [{ productId: 1, quantity: 1 }], paymentMethod: 'credit', price: 1 }, 400, 'VALIDATION_FAILED'],
    ['an unknown payment method', { items: [{ productId: 1, quantity: 1 }], paymentMethod: 'cash' }, 400, 'VALIDATION_FAILED'],
    ['no items at all', { paymentMethod: 'credit' }, 400, 'VALIDATION_FAILED'],
    ['an empty item list', { items: [], paymentMethod: 'credit' }, 400, 'VALIDATION_FAILED'],
    ['an unknown product', { items: [{ productId: 999999, quantity: 1 }], paymentMethod: 'credit' }, 404, 'PRODUCT_NOT_FOUND'],
    ['a JSON array body', [1, 2], 400, 'VALIDATION_FAILED'],
  ])('%s', async (_name, payload, status, code) => {
    const body =
      typeof payload === 'object' && !Array.isArray(payload) ? JSON.parse(JSON.stringify(payload).replace('"productId":1', `"productId":${product}`)) : payload;
    const res = await order(body);
    expect(res.statusCode).toBe(status);
    expect(res.json().error.code).toBe(code);
    expect(typeof res.json().error.message).toBe('string');
    await unchanged();
  });

  it('a missing Idempotency-Key is refused', async () => {
    const res = await shop.api.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: shop.shopper(user),
      payload: { items: [{ productId: product, quantity: 1 }], paymentMethod: 'credit' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
    await unchanged();
  });

  it('an oversized body gets 413', async () => {
    const res = await order({ items: [{ productId: product, quantity: 1 }], paymentMethod: 'credit', pad: 'x'.repeat(2 * 1024 * 1024) });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('BODY_TOO_LARGE');
    await unchanged();
  });

  it('a wrong content type gets 415', async () => {
    const res = await order('items=1', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.statusCode).toBe(415);
    await unchanged();
  });

  it.each([
    ['no Authorization', {}],
    ['a garbage scheme', { authorization: 'Basic abc' }],
    ['init data with a bad hash', { authorization: `tma ${signInitData('999:another_bot_token_xxxxxxxxxxxxxx', { id: user }, new Date())}` }],
    ['stale init data', { authorization: `tma ${signInitData(TEST_BOT_TOKEN, { id: user }, new Date(Date.now() - 25 * 3600_000))}` }],
    [
      'tampered init data',
      {
        authorization: `tma ${signInitData(TEST_BOT_TOKEN, { id: user }, new Date()).replace(/user=[^&]+/, `user=${encodeURIComponent(JSON.stringify({ id: 1 }))}`)}`,
      },
    ],
    ['init data that is not a query string', { authorization: 'tma %%%' }],
  ])('%s gets 401', async (_name, headers) => {
    const res = await shop.api.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: { ...headers, 'idempotency-key': 'unauth-key-0001' },
      payload: { items: [{ productId: product, quantity: 1 }], paymentMethod: 'credit' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHORIZED');
    await unchanged();
  });

  it('admin routes refuse shoppers and wrong keys', async () => {
    for (const headers of [shop.shopper(user), { authorization: 'Bearer wrong-key-wrong-key-0000' }, {}]) {
      const res = await shop.api.inject({
        method: 'POST',
        url: '/v1/admin/products',
        headers,
        payload: { sku: 'X', title: 'X', kind: 'manual', price: { amount: 1, currency: 'CNY' } },
      });
      expect(res.statusCode).toBe(401);
    }
    expect((await shop.api.inject({ method: 'GET', url: '/v1/products' })).json().total).toBe(1);
  });

  it('admin product input is validated', async () => {
    const bad = [
      { sku: 'has space', title: 'X', kind: 'manual', price: { amount: 1, currency: 'CNY' } },
      { sku: 'A', title: 'X', kind: 'credit', price: { amount: 1, currency: 'CNY' } },
      { sku: 'B', title: 'X', kind: 'webhook', price: { amount: 1, currency: 'CNY' }, webhookUrl: 'ftp://x' },
      { sku: 'C', title: 'X', kind: 'manual', price: { amount: -1, currency: 'CNY' } },
      { sku: 'D', title: 'X', kind: 'manual', price: { amount: 1, currency: 'USD' } },
      { sku: 'E', title: '   ', kind: 'manual', price: { amount: 1, currency: 'CNY' } },
      { sku: 'F', title: 'X', kind: 'code', price: { amount: 1, currency: 'CNY' }, stock: 5 },
    ];
    for (const payload of bad) {
      const res = await shop.api.inject({ method: 'POST', url: '/v1/admin/products', headers: shop.admin, payload });
      expect([res.statusCode, res.json().error.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    const dup = await shop.api.inject({
      method: 'POST',
      url: '/v1/admin/products',
      headers: shop.admin,
      payload: { sku: 'THING', title: 'again', kind: 'manual', price: { amount: 1, currency: 'CNY' } },
    });
    expect([dup.statusCode, dup.json().error.code]).toEqual([409, 'DUPLICATE_SKU']);
    const codesOnManual = await shop.api.inject({ method: 'POST', url: `/v1/admin/products/${product}/codes`, headers: shop.admin, payload: { codes: ['x'] } });
    expect(codesOnManual.statusCode).toBe(409);
    expect((await shop.api.inject({ method: 'GET', url: '/v1/products' })).json().total).toBe(1);
  });

  it('unknown ids and routes are 404, malformed ids 400', async () => {
    expect((await shop.api.inject({ method: 'GET', url: '/v1/products/424242' })).statusCode).toBe(404);
    expect((await shop.api.inject({ method: 'GET', url: '/v1/products/abc' })).statusCode).toBe(400);
    expect((await shop.api.inject({ method: 'GET', url: '/v1/orders/T000000000000000000000000', headers: shop.shopper(user) })).statusCode).toBe(404);
    expect((await shop.api.inject({ method: 'GET', url: '/v1/nowhere' })).json().error.code).toBe('NOT_FOUND');
    expect((await shop.api.inject({ method: 'GET', url: '/v1/products?pageSize=1000' })).statusCode).toBe(400);
    expect((await shop.api.inject({ method: 'PATCH', url: '/v1/admin/products/424242', headers: shop.admin, payload: { title: 'x' } })).statusCode).toBe(404);
    expect((await shop.api.inject({ method: 'DELETE', url: `/v1/cart/items/${product}`, headers: shop.shopper(user) })).statusCode).toBe(404);
  });

  it('health and readiness answer', async () => {
    expect((await shop.api.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    const ready = await shop.api.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', checks: { database: 'up' } });
  });
});
