import { AddressInfo } from 'node:net';
import { databaseBackends } from '../support/services';
import { TestShop, createProduct, reconcileShop, startTestShop } from '../support/test-shop';

/** Real parallel HTTP requests against a listening server; rows are counted afterwards. */
describe.each(databaseBackends())('concurrent shoppers (%s)', (backend) => {
  let shop: TestShop;
  let base: string;

  beforeAll(async () => {
    shop = await startTestShop(backend);
    await shop.api.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(shop.api.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await shop.app.pump.flush();
    expect(await reconcileShop(shop)).toEqual([]);
    await shop.close();
  });

  const post = (path: string, headers: Record<string, string>, body: unknown) =>
    fetch(`${base}${path}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(async (r) => ({
      status: r.status,
      body: (await r.json()) as Record<string, unknown> & { error?: { code: string } },
    }));

  async function fund(userIds: number[], amount: number): Promise<void> {
    for (const id of userIds) {
      await shop.app.shop.account.identifyShopper({ id: String(id), firstName: null, lastName: null, username: null, languageCode: null });
      const r = await shop.app.shop.account.adjustCredit({ userId: String(id), amount, reason: 'fund' });
      if (!r.ok) throw new Error(r.error.message);
    }
  }

  async function ledgerMatchesBalance(userId: number): Promise<{ balance: number; sum: number; min: number }> {
    const account = await shop.app.shop.account.getAccount(String(userId));
    const ledger = await shop.app.shop.account.getLedger(String(userId), 10_000);
    return { balance: account.balance, sum: ledger.reduce((s, e) => s + e.amount, 0), min: Math.min(...ledger.map((e) => e.balanceAfter)) };
  }

  it('200 shoppers at once for a stock of 50: exactly 50 orders, stock 0', async () => {
    const product = await createProduct(shop, { sku: 'HOT', title: 'Hot item', kind: 'manual', price: { amount: 100, currency: 'CNY' }, stock: 50 });
    const shoppers = Array.from({ length: 200 }, (_, i) => 10_000 + i);
    await fund(shoppers, 1000);
    const results = await Promise.all(
      shoppers.map((id) =>
        post(
          '/v1/orders',
          { ...shop.shopper(id), 'idempotency-key': `hot-${id}-key` },
          { items: [{ productId: product, quantity: 1 }], paymentMethod: 'credit' },
        ),
      ),
    );
    const created = results.filter((r) => r.status === 201);
    const refused = results.filter((r) => r.status === 409);
    expect(created).toHaveLength(50);
    expect(refused).toHaveLength(150);
    expect(refused.every((r) => r.body.error?.code === 'OUT_OF_STOCK')).toBe(true);
    expect(new Set(created.map((r) => r.body.orderNo)).size).toBe(50);
    const productNow = await shop.app.shop.catalog.getProduct(product);
    expect(productNow.ok && productNow.value.stock).toBe(0);
    const orders = await shop.app.shop.ordering.listOrders({ pageSize: 200 });
    expect(orders.ok && orders.value.items.filter((o) => o.lines[0]?.productId === product)).toHaveLength(50);
    // Every buyer paid once, every refused shopper kept their money.
    for (const id of shoppers) {
      const { balance, sum } = await ledgerMatchesBalance(id);
      expect(sum).toBe(balance);
      expect([900, 1000]).toContain(balance);
    }
  });

  it('20 concurrent requests with one Idempotency-Key make one order', async () => {
    const product = await createProduct(shop, { sku: 'ONCE', title: 'Once', kind: 'manual', price: { amount: 700, currency: 'CNY' }, stock: 100 });
    const id = 20_001;
    await fund([id], 10_000);
    const headers = { ...shop.shopper(id), 'idempotency-key': 'the-one-and-only-key' };
    const results = await Promise.all(
      Array.from({ length: 20 }, () => post('/v1/orders', headers, { items: [{ productId: product, quantity: 2 }], paymentMethod: 'credit' })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(new Set(results.map((r) => r.body.orderNo)).size).toBe(1);
    const mine = await shop.app.shop.ordering.listMyOrders(String(id));
    expect(mine).toMatchObject({ ok: true, value: { total: 1 } });
    const productNow = await shop.app.shop.catalog.getProduct(product);
    expect(productNow.ok && productNow.value.stock).toBe(98);
    expect(await ledgerMatchesBalance(id)).toEqual({ balance: 8600, sum: 8600, min: 8600 });
  });

  it('100 concurrent credit purchases against one balance never take it below zero', async () => {
    const product = await createProduct(shop, { sku: 'CHEAP', title: 'Cheap', kind: 'manual', price: { amount: 100, currency: 'CNY' } });
    const id = 30_001;
    await fund([id], 3_700);
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        post(
          '/v1/orders',
          { ...shop.shopper(id), 'idempotency-key': `spend-${i}-key` },
          { items: [{ productId: product, quantity: 1 }], paymentMethod: 'credit' },
        ),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(37);
    const refused = results.filter((r) => r.status !== 201);
    expect(refused).toHaveLength(63);
    expect(refused.every((r) => r.status === 402 && r.body.error?.code === 'INSUFFICIENT_CREDIT')).toBe(true);
    const { balance, sum, min } = await ledgerMatchesBalance(id);
    expect(balance).toBe(0);
    expect(sum).toBe(balance);
    expect(min).toBeGreaterThanOrEqual(0);
  });
});
