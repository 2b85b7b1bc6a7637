// Issue 15, item 6: unpaid orders that expire lock the shopper out of checkout for a while (CHECKOUT_LOCKOUT_*),
// with a clear refusal (429 CHECKOUT_LOCKED, lockedUntil, Retry-After); the lock ends by itself, an admin can see and
// lift it, a shopper's own cancel does not count, and 0 failures turns the rule off. Time is the shop's clock, moved
// by the test (the pay window and the lock are minutes long).
import { Clock } from '../../domain/shared/clock';
import { databaseBackends } from '../support/services';
import { TestShop, createProduct, startTestShop } from '../support/test-shop';

/** The shop's clock: the real time when the test starts, then moved on only by the test. */
class MovableClock implements Clock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

const MINUTE = 60_000;
const PAY_WINDOW_MINUTES = 15;

describe.each(databaseBackends())('checkout lockout (%s)', (backend) => {
  let shop: TestShop;
  let clock: MovableClock;
  let pen: number;
  let keyNo = 0;

  beforeAll(async () => {
    clock = new MovableClock();
    shop = await startTestShop(
      backend,
      {
        CHECKOUT_LOCKOUT_FAILURES: '2',
        CHECKOUT_LOCKOUT_WINDOW_MINUTES: '60',
        CHECKOUT_LOCKOUT_MINUTES: '30',
        ORDER_PAY_WINDOW_MINUTES: String(PAY_WINDOW_MINUTES),
      },
      { clock },
    );
    pen = await createProduct(shop, { sku: 'LK-PEN', title: 'A pen', kind: 'manual', price: { amount: 300, currency: 'CNY' }, stock: 100 });
  });
  afterAll(() => shop.close());

  const placeOrder = (userId: number) =>
    shop.api.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: { ...shop.shopper(userId), 'idempotency-key': `lockout-key-${(keyNo += 1)}` },
      payload: { items: [{ productId: pen, quantity: 1 }], paymentMethod: 'wechatpay' },
    });
  const placeCheckout = (userId: number) =>
    shop.api.inject({
      method: 'POST',
      url: '/v1/checkouts',
      headers: { ...shop.shopper(userId), 'idempotency-key': `lockout-key-${(keyNo += 1)}` },
      payload: { items: [{ productId: pen, quantity: 1 }], paymentMethod: 'wechatpay' },
    });
  /** Places an order, lets its pay window pass and the expiry job close it: one failed checkout. */
  const expireOne = async (userId: number, place = placeOrder): Promise<string> => {
    const placed = await place(userId);
    expect(placed.statusCode).toBe(201);
    clock.advance((PAY_WINDOW_MINUTES + 1) * MINUTE);
    expect(await shop.app.shop.payment.closeExpiredOrders(50)).toMatchObject({ failed: 0 });
    return placed.json().orderNo ?? placed.json().checkoutNo;
  };
  const lockout = (userId: number, method: 'GET' | 'DELETE' = 'GET') =>
    shop.api.inject({ method, url: `/v1/admin/shoppers/${userId}/lockout`, headers: shop.admin });

  it('locks a shopper whose unpaid orders expired twice: orders and checkouts are refused with until-when', async () => {
    const user = 9101;
    const first = await expireOne(user);
    expect((await lockout(user)).json()).toMatchObject({ locked: false, counting: 1, recentFailures: [{ reason: 'ORDER_EXPIRED_UNPAID', ref: first }] });
    const second = await expireOne(user, placeCheckout);
    const lockedAt = clock.now().getTime();

    const refused = await placeOrder(user);
    expect(refused.statusCode).toBe(429);
    const body = refused.json();
    expect(body.error.code).toBe('CHECKOUT_LOCKED');
    const lockedUntil = Date.parse(body.error.details.lockedUntil);
    // Locked for 30 minutes from the second expiry (the job ran at the clock's time then).
    expect(Math.abs(lockedUntil - (lockedAt + 30 * MINUTE))).toBeLessThan(5_000);
    expect(Number(refused.headers['retry-after'])).toBe(body.error.details.retryAfterSeconds);
    expect(body.error.details.retryAfterSeconds).toBeGreaterThan(29 * 60);
    const checkout = await placeCheckout(user);
    expect([checkout.statusCode, checkout.json().error.code]).toEqual([429, 'CHECKOUT_LOCKED']);

    const seen = await lockout(user);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({
      userId: String(user),
      locked: true,
      lockedUntil: new Date(lockedUntil).toISOString(),
      rule: { failures: 2, windowMinutes: 60, lockMinutes: 30 },
      // The lock used them up: they stay listed, none counts towards the next lock.
      counting: 0,
      recentFailures: [
        { reason: 'ORDER_EXPIRED_UNPAID', ref: second },
        { reason: 'ORDER_EXPIRED_UNPAID', ref: first },
      ],
    });
    // Other shoppers are not affected.
    expect((await placeOrder(9102)).statusCode).toBe(201);
  });

  it('ends by itself after the lock duration, and one more failure does not lock again at once', async () => {
    const user = 9101;
    clock.advance(30 * MINUTE + 1_000);
    expect((await lockout(user)).json()).toMatchObject({ locked: false, lockedUntil: null });
    await expireOne(user);
    const placed = await placeOrder(user);
    expect(placed.statusCode).toBe(201);
  });

  it('an admin lifts a lockout; the failures before it no longer count', async () => {
    const user = 9103;
    await expireOne(user);
    await expireOne(user);
    expect((await placeOrder(user)).statusCode).toBe(429);
    expect((await shop.api.inject({ method: 'DELETE', url: `/v1/admin/shoppers/${user}/lockout`, headers: shop.shopper(user) })).statusCode).toBe(401);
    const lifted = await lockout(user, 'DELETE');
    expect(lifted.statusCode).toBe(200);
    expect(lifted.json()).toMatchObject({ locked: false, lockedUntil: null, counting: 0 });
    await expireOne(user);
    expect((await placeOrder(user)).statusCode).toBe(201);
    expect((await lockout(424242)).statusCode).toBe(404);
  });

  it("a shopper's own cancel is no failed checkout", async () => {
    const user = 9104;
    for (let i = 0; i < 3; i++) {
      const placed = await placeOrder(user);
      expect(placed.statusCode).toBe(201);
      const cancelled = await shop.api.inject({ method: 'POST', url: `/v1/orders/${placed.json().orderNo}/cancel`, headers: shop.shopper(user) });
      expect(cancelled.statusCode).toBe(200);
      clock.advance(6 * MINUTE);
    }
    expect((await lockout(user)).json()).toMatchObject({ locked: false, recentFailures: [] });
    expect((await placeOrder(user)).statusCode).toBe(201);
  });

  it('coupons tried and refused count: guessed codes lock, a coupon used up by someone faster does not', async () => {
    const issued = await shop.api.inject({
      method: 'POST',
      url: '/v1/admin/coupons',
      headers: shop.admin,
      payload: { code: 'LKONCE', kind: 'fixed', value: 50, totalLimit: 1 },
    });
    expect(issued.statusCode).toBe(201);
    const withCoupon = (userId: number, coupon: string) =>
      shop.api.inject({
        method: 'POST',
        url: '/v1/orders',
        headers: { ...shop.shopper(userId), 'idempotency-key': `lockout-key-${(keyNo += 1)}` },
        payload: { items: [{ productId: pen, quantity: 1 }], paymentMethod: 'wechatpay', coupon },
      });
    expect((await withCoupon(9201, 'LKONCE')).statusCode).toBe(201);
    // Used up by 9201: not 9202's doing, however often it is tried.
    for (let i = 0; i < 3; i += 1) expect((await withCoupon(9202, 'LKONCE')).json().error.code).toBe('COUPON_USED_UP');
    expect((await lockout(9202)).json()).toMatchObject({ locked: false, counting: 0 });
    expect((await placeOrder(9202)).statusCode).toBe(201);

    // Guessing: one unknown code at checkout, one in the preview — the second locks.
    const guessed = await withCoupon(9203, 'GUESS1');
    expect([guessed.statusCode, guessed.json().error.code]).toEqual([404, 'COUPON_NOT_FOUND']);
    const preview = (coupon: string) =>
      shop.api.inject({
        method: 'POST',
        url: '/v1/coupons/preview',
        headers: shop.shopper(9203),
        payload: { coupon, items: [{ productId: pen, quantity: 1 }] },
      });
    expect((await preview('GUESS2')).json().error.code).toBe('COUPON_NOT_FOUND');
    expect((await lockout(9203)).json()).toMatchObject({
      locked: true,
      recentFailures: [
        { reason: 'COUPON_REFUSED', ref: 'GUESS2' },
        { reason: 'COUPON_REFUSED', ref: 'GUESS1' },
      ],
    });
    // Locked: no order, and no more codes tried in the preview either.
    expect((await placeOrder(9203)).json().error.code).toBe('CHECKOUT_LOCKED');
    const peek = await preview('GUESS3');
    expect([peek.statusCode, peek.json().error.code]).toEqual([429, 'CHECKOUT_LOCKED']);
  });

  it('prunes failures older than the window and a day', async () => {
    clock.advance(25 * 60 * MINUTE);
    const pruned = await shop.app.shop.account.pruneCheckoutFailures(1000);
    expect(pruned.pruned).toBeGreaterThanOrEqual(6);
    expect(await shop.app.shop.account.pruneCheckoutFailures(1000)).toEqual({ pruned: 0 });
    expect((await lockout(9101)).json().recentFailures).toEqual([]);
  });
});

describe.each(databaseBackends())('checkout lockout turned off (%s)', (backend) => {
  let shop: TestShop;
  let clock: MovableClock;
  beforeAll(async () => {
    clock = new MovableClock();
    shop = await startTestShop(backend, { CHECKOUT_LOCKOUT_FAILURES: '0' }, { clock });
  });
  afterAll(() => shop.close());

  it('records nothing and locks no one with CHECKOUT_LOCKOUT_FAILURES=0', async () => {
    const pen = await createProduct(shop, { sku: 'LK-OFF', title: 'A pen', kind: 'manual', price: { amount: 300, currency: 'CNY' }, stock: 100 });
    const user = 9201;
    for (let i = 0; i < 4; i++) {
      const placed = await shop.api.inject({
        method: 'POST',
        url: '/v1/orders',
        headers: { ...shop.shopper(user), 'idempotency-key': `lockout-off-${i}` },
        payload: { items: [{ productId: pen, quantity: 1 }], paymentMethod: 'wechatpay' },
      });
      expect(placed.statusCode).toBe(201);
      clock.advance(16 * MINUTE);
      expect(await shop.app.shop.payment.closeExpiredOrders(50)).toMatchObject({ closed: 1 });
    }
    const seen = await shop.api.inject({ method: 'GET', url: `/v1/admin/shoppers/${user}/lockout`, headers: shop.admin });
    expect(seen.json()).toMatchObject({ locked: false, rule: { failures: 0 }, recentFailures: [] });
  });
});
