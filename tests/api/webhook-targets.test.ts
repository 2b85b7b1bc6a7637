// Issue 11 (8): an admin's webhook URL must not reach inside the shop's network (Redis on 127.0.0.1, the cloud
// metadata on 169.254.169.254, a database on 10.x). Refused when set (WEBHOOK_URL_NOT_ALLOWED), and a name that
// resolves to such an address at send time (DNS rebinding) is not contacted: a failed delivery.
import { LookupAddress } from 'node:dns';
import { Server, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { TestShop, giveCredit, startTestShop } from '../support/test-shop';

/** What the scripted DNS answers for each name; changed by the test between setting the URL and the send. */
const answers = new Map<string, string[]>();
const scriptedDns = (host: string, _options: unknown, done: (e: Error | null, a: LookupAddress[]) => void): void => {
  const found = answers.get(host);
  if (!found) return done(Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' }), []);
  done(
    null,
    found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
  );
};

describe('webhook targets (WEBHOOK_ALLOW_PRIVATE unset)', () => {
  let shop: TestShop;
  let receiver: Server;
  let port: number;
  let received = 0;

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      received += 1;
      req.resume();
      res.writeHead(200).end();
    });
    await new Promise<void>((done) => receiver.listen(0, '127.0.0.1', done));
    port = (receiver.address() as AddressInfo).port;
    shop = await startTestShop('sqlite', {}, { webhookDns: scriptedDns });
  });
  afterAll(async () => {
    await shop?.close();
    await new Promise((done) => receiver.close(done));
  });

  const create = (sku: string, webhookUrl: string) =>
    shop.api.inject({
      method: 'POST',
      url: '/v1/admin/products',
      headers: shop.admin,
      payload: { sku, title: 'Fulfilled elsewhere', kind: 'webhook', price: { amount: 500, currency: 'CNY' }, webhookUrl },
    });

  it.each([
    ['loopback', 'http://127.0.0.1:6379/'],
    ['private 10.x', 'http://10.0.0.5/hook'],
    ['private 192.168.x', 'http://192.168.1.20/hook'],
    ['link-local (cloud metadata)', 'http://169.254.169.254/latest/meta-data/'],
    ['IPv6 loopback', 'http://[::1]:6379/'],
    ['IPv6 unique local', 'http://[fc00::1]/hook'],
    ['IPv6 link-local', 'http://[fe80::1]/hook'],
    ['localhost', 'http://localhost:6379/'],
  ])('refuses a %s URL: 422 WEBHOOK_URL_NOT_ALLOWED, nothing created', async (_what, url) => {
    const res = await create(`BAD-${Math.random().toString(36).slice(2, 8)}`, url);
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'WEBHOOK_URL_NOT_ALLOWED', details: { field: 'webhookUrl' } });
  });

  it('refuses a host name that resolves to a private address, on create and on update', async () => {
    answers.set('inside.example', ['10.1.2.3']);
    const res = await create('BAD-DNS', 'http://inside.example/hook');
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('WEBHOOK_URL_NOT_ALLOWED');
    expect(res.json().error.message).toContain('resolves to 10.1.2.3');
  });

  it('a name that resolved to a public address when set and to 127.0.0.1 at send time is not contacted: a failed delivery', async () => {
    answers.set('merchant.rebind.example', ['93.184.216.34']);
    answers.set('inside.example', ['10.1.2.3']);
    const made = await create('HOOK-REBIND', `http://merchant.rebind.example:${port}/hook`);
    expect(made.statusCode).toBe(201);
    const productId = made.json().id as number;
    const patched = await shop.api.inject({
      method: 'PATCH',
      url: `/v1/admin/products/${productId}`,
      headers: shop.admin,
      payload: { webhookUrl: 'http://inside.example/x' },
    });
    expect(patched.json().error?.code).toBe('WEBHOOK_URL_NOT_ALLOWED');

    // The attacker's DNS now answers the shop's own address, on the receiver's very port: were the send not
    // checked, the receiver would see the request.
    answers.set('merchant.rebind.example', ['127.0.0.1']);
    const shopper = 8101;
    await giveCredit(shop, shopper, 1000);
    const placed = await shop.api.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: { ...shop.shopper(shopper), 'idempotency-key': 'rebind-order-0001' },
      payload: { items: [{ productId, quantity: 1 }], paymentMethod: 'credit' },
    });
    expect(placed.statusCode).toBe(201);
    const orderNo = placed.json().orderNo as string;
    await shop.app.pump.flush();

    expect(received).toBe(0);
    const order = await shop.api.inject({ method: 'GET', url: `/v1/orders/${orderNo}`, headers: shop.admin });
    expect(order.json()).toMatchObject({ status: 'PAID', deliveryAttempts: 1 });
    // The failure is recorded where an admin reads it (/order <no> in the bot, the story).
    const story = await shop.app.shop.reporting.orderStory(orderNo);
    expect(JSON.stringify(story)).toMatch(/WEBHOOK_TARGET_NOT_ALLOWED: merchant\.rebind\.example resolves to 127\.0\.0\.1/);
  });
});

describe('webhook targets with WEBHOOK_ALLOW_PRIVATE=true', () => {
  it('takes a loopback URL and delivers to it', async () => {
    let received = 0;
    const receiver = createServer((req, res) => {
      received += 1;
      req.resume();
      res.writeHead(200).end();
    });
    await new Promise<void>((done) => receiver.listen(0, '127.0.0.1', done));
    const shop = await startTestShop('sqlite', { WEBHOOK_ALLOW_PRIVATE: 'true' });
    try {
      const made = await shop.api.inject({
        method: 'POST',
        url: '/v1/admin/products',
        headers: shop.admin,
        payload: {
          sku: 'HOOK-LOCAL',
          title: 'Local merchant',
          kind: 'webhook',
          price: { amount: 500, currency: 'CNY' },
          webhookUrl: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`,
        },
      });
      expect(made.statusCode).toBe(201);
      await giveCredit(shop, 8201, 1000);
      const placed = await shop.api.inject({
        method: 'POST',
        url: '/v1/orders',
        headers: { ...shop.shopper(8201), 'idempotency-key': 'local-order-0001' },
        payload: { items: [{ productId: made.json().id, quantity: 1 }], paymentMethod: 'credit' },
      });
      await shop.app.pump.flush();
      expect(received).toBe(1);
      expect((await shop.api.inject({ method: 'GET', url: `/v1/orders/${placed.json().orderNo}`, headers: shop.admin })).json().status).toBe('DELIVERED');
    } finally {
      await shop.close();
      await new Promise((done) => receiver.close(done));
    }
  });
});
