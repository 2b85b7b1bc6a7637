// Rate limits from outside: a burst from one shopper and one IP meets 429 with Retry-After and the x-ratelimit
// headers; placing orders and checking payments are stricter; the provider's callbacks and health are never limited.
// On Redis the count is shared by every instance of the shop.
import { randomBytes } from 'node:crypto';
import { redisBackends, testRedisUrl } from '../support/services';
import { TestShop, createProduct, giveCredit, startTestShop } from '../support/test-shop';

const LIMITS = {
  RATE_LIMIT_WINDOW_SECONDS: '60',
  RATE_LIMIT_PER_IP: '40',
  RATE_LIMIT_PER_SHOPPER: '12',
  RATE_LIMIT_ORDERS_PER_SHOPPER: '3',
  RATE_LIMIT_CHECKS_PER_SHOPPER: '100',
  RATE_LIMIT_CHECKS_PER_ORDER: '2',
};

describe.each(redisBackends())('API rate limits (%s)', (backend) => {
  const prefix = `tb_test_rate_${randomBytes(4).toString('hex')}:`;
  const redisEnv: Record<string, string> = backend === 'redis' ? { REDIS_URL: testRedisUrl() ?? '', REDIS_KEY_PREFIX: prefix } : {};
  let shop: TestShop;
  let product: number;
  beforeAll(async () => {
    shop = await startTestShop('sqlite', { ...LIMITS, ...redisEnv });
    product = await createProduct(shop, { sku: 'RATE', title: 'Rate', kind: 'manual', price: { amount: 100, currency: 'CNY' }, stock: 1000 });
  });
  afterAll(() => shop.close());

  // The caller's own address (not X-Forwarded-For: whether that is believed is the TRUST_PROXY setting's business).
  const from = (ip: string, headers: Record<string, string> = {}) => ({ remoteAddress: ip, headers });

  it('a burst from one shopper gets 429 with Retry-After past the per-shopper limit, and another shopper is not held up', async () => {
    const shopper = shop.shopper(7101);
    const replies = await Promise.all(Array.from({ length: 20 }, () => shop.api.inject({ method: 'GET', url: '/v1/cart', ...from('10.1.0.1', shopper) })));
    const statuses = replies.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 200)).toHaveLength(12);
    expect(statuses.filter((s) => s === 429)).toHaveLength(8);
    const refused = replies.find((r) => r.statusCode === 429);
    expect(refused?.json().error).toMatchObject({ code: 'RATE_LIMITED', details: { limit: 12, windowSeconds: 60 } });
    expect(Number(refused?.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused?.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(refused?.headers).toMatchObject({ 'x-ratelimit-limit': '12', 'x-ratelimit-remaining': '0' });
    // The allowed replies count down (each tells the tightest limit it met; replies may come back in any order).
    const remaining = replies.filter((r) => r.statusCode === 200).map((r) => Number(r.headers['x-ratelimit-remaining']));
    expect(Math.min(...remaining)).toBeLessThan(12);
    expect((await shop.api.inject({ method: 'GET', url: '/v1/cart', ...from('10.1.0.1', shop.shopper(7102)) })).statusCode).toBe(200);
  });

  it('a burst from one IP gets 429 past the per-IP limit, signed in or not; health is not limited', async () => {
    const replies = await Promise.all(Array.from({ length: 50 }, () => shop.api.inject({ method: 'GET', url: '/v1/products', ...from('10.2.0.1') })));
    expect(replies.filter((r) => r.statusCode === 200)).toHaveLength(40);
    const refused = replies.filter((r) => r.statusCode === 429);
    expect(refused).toHaveLength(10);
    expect(refused.every((r) => Number(r.headers['retry-after']) > 0 && r.json().error.code === 'RATE_LIMITED')).toBe(true);
    expect((await shop.api.inject({ method: 'GET', url: '/v1/products', ...from('10.2.0.2') })).statusCode).toBe(200);
    for (let i = 0; i < 5; i += 1) expect((await shop.api.inject({ method: 'GET', url: '/healthz', ...from('10.2.0.1') })).statusCode).toBe(200);
  });

  it('placing orders is stricter than browsing', async () => {
    await giveCredit(shop, 7103, 100_000);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const res = await shop.api.inject({
        method: 'POST',
        url: '/v1/orders',
        ...from('10.3.0.1', { ...shop.shopper(7103), 'idempotency-key': `rate-order-${i}-${prefix}` }),
        payload: { items: [{ productId: product, quantity: 1 }], paymentMethod: 'credit' },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([201, 201, 201, 429, 429]);
  });

  it('checking one order with the provider is limited per order', async () => {
    await shop.api.inject({ method: 'GET', url: '/v1/account', ...from('10.4.0.1', shop.shopper(7104)) });
    const placed = await shop.api.inject({
      method: 'POST',
      url: '/v1/orders',
      ...from('10.4.0.1', { ...shop.shopper(7104), 'idempotency-key': `rate-qr-${prefix}` }),
      payload: { items: [{ productId: product, quantity: 1 }], paymentMethod: 'wechatpay' },
    });
    expect(placed.statusCode).toBe(201);
    const orderNo = placed.json().orderNo as string;
    const checks = [];
    for (let i = 0; i < 4; i += 1)
      checks.push((await shop.api.inject({ method: 'POST', url: `/v1/orders/${orderNo}/check`, ...from('10.4.0.1', shop.shopper(7104)) })).statusCode);
    expect(checks).toEqual([200, 200, 429, 429]);
  });

  it("never limits the provider's callbacks: every one is verified (and a forged one refused) however many come", async () => {
    const replies = await Promise.all(
      Array.from({ length: 60 }, () =>
        shop.api.inject({ method: 'POST', url: '/v1/payments/wechatpay/notify', ...from('10.5.0.1', { 'content-type': 'application/json' }), payload: '{}' }),
      ),
    );
    expect(new Set(replies.map((r) => r.statusCode))).toEqual(new Set([401]));
  });
});

if (testRedisUrl()) {
  describe('API rate limits across instances (redis)', () => {
    const prefix = `tb_test_rate_shared_${randomBytes(4).toString('hex')}:`;
    let a: TestShop;
    let b: TestShop;
    beforeAll(async () => {
      const env = { ...LIMITS, REDIS_URL: testRedisUrl() ?? '', REDIS_KEY_PREFIX: prefix };
      a = await startTestShop('sqlite', env);
      b = await startTestShop('sqlite', env);
    });
    afterAll(async () => {
      await a.close();
      await b.close();
    });

    it('counts one shopper once, whichever instance answers', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 16; i += 1) {
        const shop = i % 2 === 0 ? a : b;
        statuses.push((await shop.api.inject({ method: 'GET', url: '/v1/account', remoteAddress: '10.6.0.1', headers: shop.shopper(7201) })).statusCode);
      }
      expect(statuses.filter((s) => s === 200)).toHaveLength(12);
      expect(statuses.slice(12)).toEqual([429, 429, 429, 429]);
    });
  });
}
