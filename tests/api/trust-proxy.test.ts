// Proxy headers: off by default, a client's X-Forwarded-For and X-Forwarded-Host are not believed (each counts
// against its own socket address, links come from PUBLIC_URL); with TRUST_PROXY listing the proxy, only that proxy's
// forwarded address is believed, and a wildcard is refused at start.
import { loadConfig } from '../../infrastructure/config/config';
import { ConfigError } from '../../infrastructure/config/env-parsers';
import { TestShop, createProduct, startTestShop } from '../support/test-shop';

const PUBLIC_URL = 'https://shop.example.test';
const PER_IP = 4;
const LIMITS = { RATE_LIMIT_WINDOW_SECONDS: '600', RATE_LIMIT_PER_IP: String(PER_IP), PUBLIC_URL };

const products = (shop: TestShop, remoteAddress: string, headers: Record<string, string> = {}) =>
  shop.api.inject({ method: 'GET', url: '/v1/products', remoteAddress, headers });

async function statusesOf(shop: TestShop, remoteAddress: string, forwardedFor: (i: number) => string, count: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i += 1) statuses.push((await products(shop, remoteAddress, { 'x-forwarded-for': forwardedFor(i) })).statusCode);
  return statuses;
}

describe('TRUST_PROXY setting', () => {
  it('is off unless set, takes a list of addresses, and refuses "any client"', () => {
    expect(loadConfig({}).trustProxy).toEqual([]);
    expect(loadConfig({ TRUST_PROXY: 'off' }).trustProxy).toEqual([]);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.5, 10.0.1.0/24' }).trustProxy).toEqual(['10.0.0.5', '10.0.1.0/24']);
    for (const wildcard of ['true', '*', '0.0.0.0/0']) {
      expect(() => loadConfig({ TRUST_PROXY: wildcard })).toThrow(ConfigError);
      expect(() => loadConfig({ TRUST_PROXY: wildcard })).toThrow(/TRUST_PROXY/);
    }
  });
});

describe('proxy headers, TRUST_PROXY unset (sqlite)', () => {
  let shop: TestShop;
  beforeAll(async () => (shop = await startTestShop('sqlite', LIMITS)));
  afterAll(() => shop.close());

  it('a client cannot spread its requests over made-up X-Forwarded-For addresses', async () => {
    const statuses = await statusesOf(shop, '10.20.0.1', (i) => `203.0.113.${i + 1}`, PER_IP + 2);
    expect(statuses.slice(0, PER_IP)).toEqual(Array(PER_IP).fill(200));
    expect(statuses.slice(PER_IP)).toEqual([429, 429]);
  });

  it('qrUrl is built from PUBLIC_URL, never from the X-Forwarded-Host or Host a client sends', async () => {
    const product = await createProduct(shop, { sku: 'PROXY-QR', title: 'Proxy QR', kind: 'manual', price: { amount: 500, currency: 'CNY' }, stock: 5 });
    const placed = await shop.api.inject({
      method: 'POST',
      url: '/v1/orders',
      remoteAddress: '10.20.0.2',
      headers: {
        ...shop.shopper(9801),
        'idempotency-key': 'proxy-qr-0001',
        'x-forwarded-host': 'evil.example',
        'x-forwarded-proto': 'http',
        host: 'evil.example',
      },
      payload: { items: [{ productId: product, quantity: 1 }], paymentMethod: 'wechatpay' },
    });
    expect(placed.statusCode).toBe(201);
    const body = placed.json();
    expect(body.payment.qrUrl).toBe(`${PUBLIC_URL}/v1/orders/${body.orderNo}/qr.png`);
  });
});

describe('proxy headers, TRUST_PROXY lists the proxy (sqlite)', () => {
  const PROXY = '10.30.0.1';
  let shop: TestShop;
  beforeAll(async () => (shop = await startTestShop('sqlite', { ...LIMITS, TRUST_PROXY: PROXY })));
  afterAll(() => shop.close());

  it("believes the listed proxy's X-Forwarded-For: each client behind it has its own budget", async () => {
    const first = await statusesOf(shop, PROXY, () => '198.51.100.7', PER_IP + 1);
    expect(first.at(-1)).toBe(429);
    // Another client behind the same proxy is not held up by the first one's burst.
    const other = await statusesOf(shop, PROXY, () => '198.51.100.8', PER_IP);
    expect(other).toEqual(Array(PER_IP).fill(200));
  });

  it('ignores X-Forwarded-For from an address that is not the listed proxy', async () => {
    const statuses = await statusesOf(shop, '10.30.0.99', (i) => `192.0.2.${i + 1}`, PER_IP + 1);
    expect(statuses.slice(0, PER_IP)).toEqual(Array(PER_IP).fill(200));
    expect(statuses.at(-1)).toBe(429);
  });
});
