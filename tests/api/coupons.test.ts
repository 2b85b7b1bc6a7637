// Coupons as admins and shoppers meet them over HTTP (embedded store and MySQL): issuing and changing them, every
// refusal by its stable code, the discount in the order's total and its lines, a released use when an order closes
// unpaid, a replayed placement that counts once, a seller's coupon on that seller's order of a checkout, refunds
// that never return more than was paid, the report, and a clean reconcile with coupons, credit and refunds mixed.
import { databaseBackends } from '../support/services';
import { TestShop, createProduct, eventually, giveCredit, reconcileShop, startListeningShop } from '../support/test-shop';
import { addSeller, giveProductTo } from '../support/marketplace';

type Json = Record<string, unknown> & { error?: { code: string } };

describe.each(databaseBackends())('coupons (%s)', (backend) => {
  let shop: TestShop & { base: string };
  let cheap: number;
  let dear: number;
  let gadget: number;
  let keys: number;
  let phones: number;
  let electronics: number;
  let placed = 0;

  beforeAll(async () => {
    // One shopper tries every refusal here; that guessed codes lock checkout is tests/api/checkout-lockout.test.ts's.
    shop = await startListeningShop(backend, { CHECKOUT_LOCKOUT_FAILURES: '0' });
    const category = async (slug: string, parentId: number | null) => {
      const res = await shop.api.inject({ method: 'POST', url: '/v1/admin/categories', headers: shop.admin, payload: { slug, name: slug, parentId } });
      if (res.statusCode !== 201) throw new Error(res.body);
      return (res.json() as { id: number }).id;
    };
    electronics = await category('electronics', null);
    phones = await category('phones', electronics);
    keys = await category('keys', null);
    cheap = await createProduct(shop, { sku: 'CP-CHEAP', title: 'Cheap', kind: 'manual', price: { amount: 333, currency: 'CNY' }, categoryId: keys });
    dear = await createProduct(shop, { sku: 'CP-DEAR', title: 'Dear', kind: 'manual', price: { amount: 1000, currency: 'CNY' } });
    gadget = await createProduct(shop, { sku: 'CP-PHONE', title: 'Phone', kind: 'manual', price: { amount: 2000, currency: 'CNY' }, categoryId: phones });
  });
  afterAll(async () => {
    await shop.app.pump.flush();
    expect(await reconcileShop(shop)).toEqual([]);
    await shop.close();
  });

  const admin = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: Record<string, unknown>) =>
    shop.api.inject({ method, url, headers: shop.admin, ...(payload ? { payload } : {}) });
  const issue = async (body: Record<string, unknown>) => {
    const res = await admin('POST', '/v1/admin/coupons', body);
    if (res.statusCode !== 201) throw new Error(res.body);
    return res.json() as Json;
  };
  const order = async (userId: number, body: Record<string, unknown>, key = `coupon-order-${(placed += 1)}`) => {
    const res = await shop.api.inject({ method: 'POST', url: '/v1/orders', headers: { ...shop.shopper(userId), 'idempotency-key': key }, payload: body });
    return { status: res.statusCode, body: res.json() as Json & { orderNo: string; total: { amount: number } } };
  };
  const used = async (code: string) => ((await admin('GET', `/v1/admin/coupons/${code}`)).json() as { used: number }).used;

  it('issues, lists, reads, changes and switches off a coupon; refuses bad terms and a taken code', async () => {
    const created = await issue({ code: 'welcome10', kind: 'percent', value: 1000, totalLimit: 5, perShopperLimit: 1, firstOrderOnly: true });
    expect(created).toMatchObject({
      code: 'WELCOME10',
      kind: 'percent',
      value: 1000,
      currency: 'CNY',
      minTotal: { amount: 0, currency: 'CNY' },
      sellerId: 1,
      scope: { kind: 'all', ids: [] },
      totalLimit: 5,
      perShopperLimit: 1,
      firstOrderOnly: true,
      active: true,
      used: 0,
    });
    const taken = await admin('POST', '/v1/admin/coupons', { code: 'Welcome10', kind: 'fixed', value: 100 });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ error: { code: 'COUPON_CODE_TAKEN' } });
    for (const bad of [
      { code: 'no', kind: 'fixed', value: 100 },
      { code: 'BAD PERCENT', kind: 'fixed', value: 100 },
      { code: 'TOOMUCH', kind: 'percent', value: 10_001 },
      { code: 'NOKIND', value: 100 },
      { code: 'BACKWARDS', kind: 'fixed', value: 100, startsAt: '2026-02-01T00:00:00Z', endsAt: '2026-01-01T00:00:00Z' },
      { code: 'NOIDS', kind: 'fixed', value: 100, scope: { kind: 'products', ids: [] } },
    ]) {
      const refused = await admin('POST', '/v1/admin/coupons', bad);
      expect([refused.statusCode, (refused.json() as Json).error?.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    expect((await admin('GET', '/v1/admin/coupons/welcome10')).json()).toMatchObject({ code: 'WELCOME10' });
    expect((await admin('GET', '/v1/admin/coupons/NOPE')).statusCode).toBe(404);
    const changed = await admin('PATCH', '/v1/admin/coupons/WELCOME10', { value: 1500, minTotal: 500 });
    expect(changed.json()).toMatchObject({ value: 1500, minTotal: { amount: 500 }, totalLimit: 5 });
    expect((await admin('PATCH', '/v1/admin/coupons/WELCOME10', { value: 20_000 })).statusCode).toBe(400);
    expect((await admin('PATCH', '/v1/admin/coupons/WELCOME10', { active: false })).json()).toMatchObject({ active: false });
    const list = (await admin('GET', '/v1/admin/coupons?active=false')).json() as { items: Array<{ code: string }> };
    expect(list.items.map((c) => c.code)).toContain('WELCOME10');
    expect((await shop.api.inject({ method: 'GET', url: '/v1/admin/coupons', headers: shop.shopper(1) })).statusCode).toBe(401);
  });

  it('takes the discount off the eligible lines, exactly, and the order total is what is paid', async () => {
    await issue({ code: 'THIRD', kind: 'percent', value: 3333 });
    await giveCredit(shop, 7001, 10_000);
    // 333 × 2 + 1000 = 1666; 33.33 % → floor(555.27) = 555, split 666 : 1000 → 222 + 333.
    const placedOrder = await order(7001, {
      items: [
        { productId: cheap, quantity: 2 },
        { productId: dear, quantity: 1 },
      ],
      paymentMethod: 'credit',
      coupon: 'third',
    });
    expect(placedOrder.status).toBe(201);
    expect(placedOrder.body).toMatchObject({
      status: 'PAID',
      total: { amount: 1666 - 555 },
      coupon: { code: 'THIRD', discount: { amount: 555 } },
      items: [
        { productId: cheap, lineTotal: { amount: 666 }, discount: { amount: 222 } },
        { productId: dear, lineTotal: { amount: 1000 }, discount: { amount: 333 } },
      ],
    });
    const account = (await shop.api.inject({ method: 'GET', url: '/v1/account', headers: shop.shopper(7001) })).json() as { balance: { amount: number } };
    expect(account.balance.amount).toBe(10_000 - 1111);

    // A category scope covers the categories below it; the fixed amount falls only on the phone.
    await issue({ code: 'ELEC500', kind: 'fixed', value: 500, scope: { kind: 'categories', ids: [electronics] } });
    const scoped = await order(7001, {
      items: [
        { productId: cheap, quantity: 1 },
        { productId: gadget, quantity: 1 },
      ],
      paymentMethod: 'credit',
      coupon: 'ELEC500',
    });
    expect(scoped.body).toMatchObject({
      total: { amount: 333 + 2000 - 500 },
      items: [
        { productId: cheap, lineTotal: { amount: 333 } },
        { productId: gadget, discount: { amount: 500 } },
      ],
    });
    expect((scoped.body.items as Array<Record<string, unknown>>)[0]).not.toHaveProperty('discount');
    // A fixed amount larger than the goods leaves one fen to pay.
    await issue({ code: 'BIGFIX', kind: 'fixed', value: 100_000 });
    expect((await order(7001, { items: [{ productId: dear, quantity: 1 }], paymentMethod: 'credit', coupon: 'BIGFIX' })).body).toMatchObject({
      total: { amount: 1 },
      coupon: { discount: { amount: 999 } },
    });
  });

  it('refuses a coupon by its stable code for each rule, and a refused placement leaves nothing behind', async () => {
    const now = Date.now();
    await issue({ code: 'LATER', kind: 'fixed', value: 100, startsAt: new Date(now + 86_400_000).toISOString() });
    await issue({ code: 'GONE', kind: 'fixed', value: 100, endsAt: new Date(now - 1000).toISOString() });
    await issue({ code: 'ONEUSE', kind: 'fixed', value: 100, totalLimit: 1 });
    await issue({ code: 'ONEEACH', kind: 'fixed', value: 100, perShopperLimit: 1 });
    await issue({ code: 'MIN5000', kind: 'fixed', value: 100, minTotal: 5000 });
    await issue({ code: 'ONLYPHONE', kind: 'fixed', value: 100, scope: { kind: 'products', ids: [gadget] } });
    await issue({ code: 'FIRSTONLY', kind: 'percent', value: 5000, firstOrderOnly: true });
    await issue({ code: 'SWITCHED', kind: 'fixed', value: 100, active: false });
    await giveCredit(shop, 7101, 50_000);
    await giveCredit(shop, 7102, 50_000);
    const buy = (userId: number, coupon: string, paymentMethod = 'credit') =>
      order(userId, { items: [{ productId: dear, quantity: 1 }], paymentMethod, coupon });

    const first = await buy(7102, 'FIRSTONLY');
    expect(first.body).toMatchObject({ total: { amount: 500 } });
    expect((await buy(7102, 'FIRSTONLY')).body.error?.code).toBe('COUPON_FIRST_ORDER_ONLY');
    expect((await buy(7101, 'ONEUSE')).status).toBe(201);
    const cases: Array<[string, string, number]> = [
      ['NOSUCH', 'COUPON_NOT_FOUND', 404],
      ['LATER', 'COUPON_NOT_STARTED', 409],
      ['GONE', 'COUPON_EXPIRED', 409],
      ['SWITCHED', 'COUPON_EXPIRED', 409],
      ['ONEUSE', 'COUPON_USED_UP', 409],
      ['MIN5000', 'COUPON_MIN_TOTAL', 409],
      ['ONLYPHONE', 'COUPON_NOT_APPLICABLE', 409],
    ];
    for (const [code, error, status] of cases) {
      const refused = await buy(7102, code);
      expect([code, refused.status, refused.body.error?.code]).toEqual([code, status, error]);
    }
    expect((await buy(7102, 'ONEEACH')).status).toBe(201);
    expect((await buy(7102, 'ONEEACH')).body.error?.code).toBe('COUPON_LIMIT_PER_SHOPPER');
    expect(await used('ONEUSE')).toBe(1);
    expect(await used('MIN5000')).toBe(0);
    const redemptions: Array<{ n: number | string }> = await shop.app.persistence.dataSource.query(
      "SELECT COUNT(*) AS n FROM coupon_redemptions r JOIN coupons c ON c.id = r.coupon_id WHERE c.code IN ('MIN5000', 'ONLYPHONE', 'LATER')",
    );
    expect(Number(redemptions[0]?.n)).toBe(0);
  });

  it('previews a coupon on the cart without holding it', async () => {
    await issue({ code: 'PEEK', kind: 'percent', value: 2500, totalLimit: 1 });
    await shop.api.inject({ method: 'POST', url: '/v1/cart/items', headers: shop.shopper(7201), payload: { productId: dear, quantity: 2 } });
    const preview = await shop.api.inject({ method: 'POST', url: '/v1/coupons/preview', headers: shop.shopper(7201), payload: { coupon: 'peek' } });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({
      code: 'PEEK',
      goods: { amount: 2000 },
      discount: { amount: 500 },
      total: { amount: 1500 },
      items: [{ productId: dear, discount: { amount: 500 } }],
    });
    expect(await used('PEEK')).toBe(0);
    const refused = await shop.api.inject({ method: 'POST', url: '/v1/coupons/preview', headers: shop.shopper(7201), payload: { coupon: 'NOSUCH' } });
    expect(refused.json()).toMatchObject({ error: { code: 'COUPON_NOT_FOUND' } });
  });

  it('counts a replayed placement once, gives the use back when the order closes unpaid, and a new order takes it', async () => {
    await issue({ code: 'SOLO', kind: 'fixed', value: 200, totalLimit: 1 });
    const body = { items: [{ productId: dear, quantity: 1 }], paymentMethod: 'wechatpay', coupon: 'solo' };
    const a = await order(7301, body, 'solo-order-key-1');
    const again = await order(7301, body, 'solo-order-key-1');
    expect([a.status, again.status, again.body.orderNo]).toEqual([201, 201, a.body.orderNo]);
    expect(a.body).toMatchObject({ total: { amount: 800 }, coupon: { code: 'SOLO' } });
    expect((await order(7301, { ...body, coupon: 'BIGFIX' }, 'solo-order-key-1')).body.error?.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await used('SOLO')).toBe(1);
    expect((await order(7302, body)).body.error?.code).toBe('COUPON_USED_UP');

    const cancelled = await shop.api.inject({ method: 'POST', url: `/v1/orders/${a.body.orderNo}/cancel`, headers: shop.shopper(7301) });
    expect(cancelled.json()).toMatchObject({ status: 'CLOSED' });
    expect(await used('SOLO')).toBe(0);
    const b = await order(7302, body);
    expect(b.body).toMatchObject({ total: { amount: 800 }, coupon: { code: 'SOLO' } });
    expect(await used('SOLO')).toBe(1);
    // Paid by QR: the sandbox charges exactly the discounted total.
    const gateway = shop.app.payments.sandbox;
    if (!gateway) throw new Error('sandbox not running');
    expect(gateway.pay(b.body.orderNo).ok).toBe(true);
    await eventually(
      async () =>
        ((await shop.api.inject({ method: 'GET', url: `/v1/orders/${b.body.orderNo}`, headers: shop.shopper(7302) })).json() as { status: string }).status,
      (s) => s === 'DELIVERED' || s === 'PAID',
    );
    const report = (await admin('GET', '/v1/admin/coupons/SOLO/report')).json();
    expect(report).toMatchObject({ uses: 2, released: 1, paidOrders: 1, discountGiven: { amount: 200 }, revenue: { amount: 800 }, refunded: { amount: 0 } });
  });

  it('refunds of a discounted order return at most what was paid', async () => {
    await issue({ code: 'HALF', kind: 'percent', value: 5000 });
    await giveCredit(shop, 7401, 10_000);
    const paid = await order(7401, { items: [{ productId: dear, quantity: 3 }], paymentMethod: 'credit', coupon: 'HALF' });
    expect(paid.body).toMatchObject({ total: { amount: 1500 } });
    // Delivered (a person hands manual goods over), so it can be refunded in part.
    expect((await admin('POST', `/v1/admin/orders/${paid.body.orderNo}/fulfil`, { note: 'handed over' })).statusCode).toBe(200);
    const refund = (amount?: number) =>
      admin('POST', `/v1/admin/orders/${paid.body.orderNo}/refunds`, { ...(amount === undefined ? {} : { amount }), reason: 'coupon test' });
    expect((await refund(2000)).json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    expect((await refund(600)).statusCode).toBe(201);
    const rest = await refund();
    expect(rest.json()).toMatchObject({ refund: { amount: { amount: 900 } } });
    expect((await refund(1)).statusCode).toBeGreaterThanOrEqual(400);
    const account = (await shop.api.inject({ method: 'GET', url: '/v1/account', headers: shop.shopper(7401) })).json() as { balance: { amount: number } };
    expect(account.balance.amount).toBe(10_000);
    expect((await admin('GET', '/v1/admin/coupons/HALF/report')).json()).toMatchObject({
      paidOrders: 1,
      revenue: { amount: 1500 },
      refunded: { amount: 1500 },
    });
  });

  it("a seller's coupon discounts that seller's order of a checkout only, released with the checkout", async () => {
    const seller = await addSeller(shop.app.persistence, { telegramUserId: '8501' });
    const theirs = await createProduct(shop, { sku: 'CP-S-KEY', title: 'Seller key', kind: 'manual', price: { amount: 3000, currency: 'CNY' } });
    await giveProductTo(shop.app.persistence, theirs, seller.id);
    await issue({ code: 'SHOP10', kind: 'percent', value: 1000, sellerId: seller.id, totalLimit: 1 });
    const checkout = async (userId: number, key: string) =>
      shop.api.inject({
        method: 'POST',
        url: '/v1/checkouts',
        headers: { ...shop.shopper(userId), 'idempotency-key': key },
        payload: {
          items: [
            { productId: dear, quantity: 1 },
            { productId: theirs, quantity: 1 },
          ],
          paymentMethod: 'wechatpay',
          coupon: 'shop10',
        },
      });
    const placedCheckout = await checkout(7501, 'coupon-checkout-1');
    expect(placedCheckout.statusCode).toBe(201);
    const body = placedCheckout.json() as { checkoutNo: string; total: { amount: number }; orders: Array<Json & { sellerId: number }> };
    expect(body.total.amount).toBe(1000 + 3000 - 300);
    const house = body.orders.find((o) => o.sellerId === 1);
    const sellers = body.orders.find((o) => o.sellerId === seller.id);
    expect(house).toMatchObject({ total: { amount: 1000 } });
    expect(house).not.toHaveProperty('coupon');
    expect(sellers).toMatchObject({ total: { amount: 2700 }, coupon: { code: 'SHOP10', discount: { amount: 300 } } });
    expect(await used('SHOP10')).toBe(1);
    expect((await checkout(7502, 'coupon-checkout-2')).json()).toMatchObject({ error: { code: 'COUPON_USED_UP' } });
    const cancelled = await shop.api.inject({ method: 'POST', url: `/v1/orders/${String(house?.orderNo)}/cancel`, headers: shop.shopper(7501) });
    expect(cancelled.statusCode).toBe(200);
    expect(await used('SHOP10')).toBe(0);
    expect((await checkout(7502, 'coupon-checkout-3')).statusCode).toBe(201);
  });
});
