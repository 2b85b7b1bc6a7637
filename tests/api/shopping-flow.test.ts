import { databaseBackends } from '../support/services';
import { TestShop, createProduct, giveCredit, startTestShop } from '../support/test-shop';

describe.each(databaseBackends())('a new shopper through the HTTP API (%s)', (backend) => {
  let shop: TestShop;
  let codeProduct: number;
  let manualProduct: number;
  const alice = 7001;

  beforeAll(async () => {
    shop = await startTestShop(backend);
    codeProduct = await createProduct(shop, { sku: 'KEY-1', title: '游戏激活码 Game key', kind: 'code', price: { amount: 1500, currency: 'CNY' } });
    manualProduct = await createProduct(shop, {
      sku: 'MUG',
      title: 'Mug',
      description: 'A real mug',
      kind: 'manual',
      price: { amount: 2000, currency: 'CNY' },
      stock: 5,
    });
    await createProduct(shop, { sku: 'HIDDEN', title: 'Secret', kind: 'manual', price: { amount: 1, currency: 'CNY' }, visible: false });
    const codes = await shop.api.inject({
      method: 'POST',
      url: `/v1/admin/products/${codeProduct}/codes`,
      headers: shop.admin,
      payload: { codes: ['AAA-1', 'AAA-2', 'AAA-3', 'AAA-1'] },
    });
    expect(codes.statusCode).toBe(201);
    expect(codes.json()).toEqual({ added: 3, duplicates: 1, stock: 3 });
  });

  afterAll(() => shop.close());

  it('browses and searches the catalog, hidden products stay hidden', async () => {
    const all = await shop.api.inject({ method: 'GET', url: '/v1/products' });
    expect(all.statusCode).toBe(200);
    const body = all.json();
    expect(body).toMatchObject({ total: 2, page: 1, pageSize: 20 });
    expect(body.items.map((p: { sku: string }) => p.sku)).toEqual(['KEY-1', 'MUG']);
    expect(body.items[0]).toEqual({
      id: codeProduct,
      sellerId: 1,
      seller: { id: 1, shopName: 'House' },
      sku: 'KEY-1',
      title: '游戏激活码 Game key',
      description: '',
      kind: 'code',
      price: { amount: 1500, currency: 'CNY' },
      stock: 3,
      visible: true,
    });
    const cjk = await shop.api.inject({ method: 'GET', url: `/v1/products?q=${encodeURIComponent('激活')}` });
    expect(cjk.json().items.map((p: { id: number }) => p.id)).toEqual([codeProduct]);
    const paged = await shop.api.inject({ method: 'GET', url: '/v1/products?page=2&pageSize=1' });
    expect(paged.json()).toMatchObject({ total: 2, page: 2, pageSize: 1, items: [{ sku: 'MUG' }] });
    expect((await shop.api.inject({ method: 'GET', url: `/v1/products/${manualProduct}` })).json().sku).toBe('MUG');
    const hidden = await shop.api.inject({ method: 'GET', url: '/v1/products?q=Secret' });
    expect(hidden.json().total).toBe(0);
  });

  it('fills a cart, buys it with credit, sees the codes and the ledger', async () => {
    const me = shop.shopper(alice);
    expect((await shop.api.inject({ method: 'POST', url: '/v1/cart/items', headers: me, payload: { productId: codeProduct, quantity: 1 } })).statusCode).toBe(
      200,
    );
    const cart = await shop.api.inject({ method: 'POST', url: '/v1/cart/items', headers: me, payload: { productId: codeProduct, quantity: 1 } });
    expect(cart.json()).toMatchObject({
      items: [{ productId: codeProduct, quantity: 2, lineTotal: { amount: 3000, currency: 'CNY' } }],
      total: { amount: 3000 },
    });

    const poor = await shop.api.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: { ...me, 'idempotency-key': 'alice-order-0001' },
      payload: { fromCart: true, paymentMethod: 'credit' },
    });
    expect(poor.statusCode).toBe(402);
    expect(poor.json().error.code).toBe('INSUFFICIENT_CREDIT');
    // Nothing was reserved by the refused order.
    expect((await shop.api.inject({ method: 'GET', url: `/v1/products/${codeProduct}` })).json().stock).toBe(3);

    await giveCredit(shop, alice, 5000);
    const placed = await shop.api.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: { ...me, 'idempotency-key': 'alice-order-0002' },
      payload: { fromCart: true, paymentMethod: 'credit' },
    });
    expect(placed.statusCode).toBe(201);
    const order = placed.json();
    expect(order).toMatchObject({
      status: 'PAID',
      total: { amount: 3000, currency: 'CNY' },
      paymentMethod: 'credit',
      items: [{ productId: codeProduct, quantity: 2 }],
    });
    expect(order.orderNo).toMatch(/^T\d{24}$/);

    await shop.app.pump.flush();
    const delivered = await shop.api.inject({ method: 'GET', url: `/v1/orders/${order.orderNo}`, headers: me });
    expect(delivered.json()).toMatchObject({ status: 'DELIVERED' });
    expect(delivered.json().codes.sort()).toEqual(['AAA-1', 'AAA-2']);
    expect((await shop.api.inject({ method: 'GET', url: '/v1/cart', headers: me })).json().items).toEqual([]);
    expect((await shop.api.inject({ method: 'GET', url: `/v1/products/${codeProduct}` })).json().stock).toBe(1);

    const account = await shop.api.inject({ method: 'GET', url: '/v1/account', headers: me });
    expect(account.json()).toEqual({ userId: String(alice), balance: { amount: 2000, currency: 'CNY' } });
    const ledger = (await shop.api.inject({ method: 'GET', url: '/v1/account/ledger', headers: me })).json().items;
    expect(ledger).toHaveLength(2);
    expect(ledger.map((e: { amount: number; balanceAfter: number }) => [e.amount, e.balanceAfter])).toEqual([
      [-3000, 2000],
      [5000, 5000],
    ]);
    expect(ledger[0]).toMatchObject({ kind: 'PURCHASE', reference: `order:${order.orderNo}:payment` });
    const mine = (await shop.api.inject({ method: 'GET', url: '/v1/orders', headers: me })).json().items;
    expect(mine.map((o: { orderNo: string }) => o.orderNo)).toEqual([order.orderNo]);
  });

  it('returns the same order for the same Idempotency-Key and refuses the key for another body', async () => {
    const bob = 7002;
    await giveCredit(shop, bob, 10_000);
    const headers = { ...shop.shopper(bob), 'idempotency-key': 'bob-key-000000001' };
    const first = await shop.api.inject({
      method: 'POST',
      url: '/v1/orders',
      headers,
      payload: { items: [{ productId: manualProduct, quantity: 1 }], paymentMethod: 'credit' },
    });
    expect(first.statusCode).toBe(201);
    const again = await shop.api.inject({
      method: 'POST',
      url: '/v1/orders',
      headers,
      payload: { items: [{ productId: manualProduct, quantity: 1 }], paymentMethod: 'credit' },
    });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('replayed');
    expect(again.json().orderNo).toBe(first.json().orderNo);
    const other = await shop.api.inject({
      method: 'POST',
      url: '/v1/orders',
      headers,
      payload: { items: [{ productId: manualProduct, quantity: 2 }], paymentMethod: 'credit' },
    });
    expect(other.statusCode).toBe(409);
    expect(other.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect((await shop.api.inject({ method: 'GET', url: '/v1/account', headers: shop.shopper(bob) })).json().balance.amount).toBe(8000);
  });

  it('a manual order waits for the admin to fulfil it', async () => {
    const carol = 7003;
    await giveCredit(shop, carol, 2000);
    const placed = await shop.api.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: { ...shop.shopper(carol), 'idempotency-key': 'carol-key-0000001' },
      payload: { items: [{ productId: manualProduct, quantity: 1 }], paymentMethod: 'credit' },
    });
    const orderNo = placed.json().orderNo;
    await shop.app.pump.flush();
    const waiting = await shop.api.inject({ method: 'GET', url: `/v1/orders/${orderNo}`, headers: shop.admin });
    expect(waiting.json()).toMatchObject({ status: 'PAID', userId: String(carol), payments: [{ provider: 'credit', status: 'SUCCEEDED' }] });
    const listed = await shop.api.inject({ method: 'GET', url: '/v1/admin/orders?status=PAID', headers: shop.admin });
    expect(listed.json().items.map((o: { orderNo: string }) => o.orderNo)).toContain(orderNo);
    const fulfilled = await shop.api.inject({
      method: 'POST',
      url: `/v1/admin/orders/${orderNo}/fulfil`,
      headers: shop.admin,
      payload: { note: 'posted, tracking SF123' },
    });
    expect(fulfilled.statusCode).toBe(200);
    expect(fulfilled.json()).toMatchObject({ outcome: 'DELIVERED', order: { status: 'DELIVERED', fulfilmentNote: 'posted, tracking SF123' } });
    const twice = await shop.api.inject({ method: 'POST', url: `/v1/admin/orders/${orderNo}/fulfil`, headers: shop.admin, payload: {} });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('ORDER_NOT_FULFILLABLE');
  });

  it("a stranger cannot see another shopper's order", async () => {
    const mine = (await shop.api.inject({ method: 'GET', url: '/v1/orders', headers: shop.shopper(alice) })).json().items;
    const res = await shop.api.inject({ method: 'GET', url: `/v1/orders/${mine[0].orderNo}`, headers: shop.shopper(9999) });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('ORDER_NOT_FOUND');
  });

  it('credit packs top up the balance exactly once per order line', async () => {
    const pack = await createProduct(shop, { sku: 'PACK-10', title: '¥10 pack', kind: 'credit', price: { amount: 1000, currency: 'CNY' }, creditAmount: 1200 });
    const refused = await shop.api.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: { ...shop.shopper(alice), 'idempotency-key': 'alice-pack-00001' },
      payload: { items: [{ productId: pack, quantity: 1 }], paymentMethod: 'credit' },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('PAYMENT_METHOD_NOT_ALLOWED');
  });

  it('admin adjustments never take a balance below zero', async () => {
    const dave = 7004;
    await giveCredit(shop, dave, 100);
    const res = await shop.api.inject({
      method: 'POST',
      url: `/v1/admin/accounts/${dave}/adjustments`,
      headers: shop.admin,
      payload: { amount: -101, reason: 'too much' },
    });
    expect(res.statusCode).toBe(402);
    expect(res.json().error.code).toBe('INSUFFICIENT_CREDIT');
    const ok = await shop.api.inject({
      method: 'POST',
      url: `/v1/admin/accounts/${dave}/adjustments`,
      headers: shop.admin,
      payload: { amount: -100, reason: 'correction' },
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ amount: -100, balanceAfter: 0, kind: 'ADJUSTMENT', reason: 'correction' });
    const unknown = await shop.api.inject({
      method: 'POST',
      url: '/v1/admin/accounts/123/adjustments',
      headers: shop.admin,
      payload: { amount: 5, reason: 'x' },
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('sells a limited stock until it runs out', async () => {
    const erin = 7005;
    await giveCredit(shop, erin, 100_000);
    const limited = await createProduct(shop, { sku: 'LIMITED', title: 'Limited', kind: 'manual', price: { amount: 100, currency: 'CNY' }, stock: 2 });
    const buy = (key: string, quantity: number) =>
      shop.api.inject({
        method: 'POST',
        url: '/v1/orders',
        headers: { ...shop.shopper(erin), 'idempotency-key': key },
        payload: { items: [{ productId: limited, quantity }], paymentMethod: 'credit' },
      });
    expect((await buy('erin-limited-1', 3)).json().error.code).toBe('OUT_OF_STOCK');
    expect((await buy('erin-limited-2', 2)).statusCode).toBe(201);
    expect((await buy('erin-limited-3', 1)).statusCode).toBe(409);
    const patched = await shop.api.inject({
      method: 'PATCH',
      url: `/v1/admin/products/${limited}`,
      headers: shop.admin,
      payload: { stock: 1, price: { amount: 150, currency: 'CNY' } },
    });
    expect(patched.json()).toMatchObject({ stock: 1, price: { amount: 150 } });
    expect((await buy('erin-limited-4', 1)).json()).toMatchObject({ status: 'PAID', total: { amount: 150 } });
  });
});
