import { Coupon, CouponLine, allocate, checkCouponTerms, couponDiscount, validateCouponTerms } from '../../../domain/coupons';
import { minor } from '../../../domain/shared/money';

const NOW = new Date('2026-12-01T10:00:00Z');

const coupon = (overrides: Partial<Coupon> = {}): Coupon => ({
  id: 1,
  code: 'TEST',
  kind: 'percent',
  value: 1000,
  currency: 'CNY',
  minTotal: minor(0),
  sellerId: 1,
  scope: { kind: 'all', ids: [] },
  startsAt: null,
  endsAt: null,
  totalLimit: null,
  perShopperLimit: null,
  firstOrderOnly: false,
  active: true,
  used: 0,
  createdAt: NOW,
  updatedAt: NOW,
  ...overrides,
});

const line = (key: number, total: number, overrides: Partial<CouponLine> = {}): CouponLine => ({
  key,
  productId: key + 100,
  categoryId: null,
  sellerId: 1,
  total: minor(total),
  ...overrides,
});

const shares = (m: Map<number, number>) => Object.fromEntries([...m].map(([k, v]) => [k, v]));

describe('a coupon discount', () => {
  it('rounds a percentage down and spreads it exactly by largest remainder', () => {
    const found = couponDiscount(coupon({ value: 3333 }), [line(0, 666), line(1, 1000)], new Set(), minor(1666));
    expect(found.ok && found.value.discount).toBe(555);
    expect(found.ok && shares(found.value.byLine)).toEqual({ 0: 222, 1: 333 });
    // 100 over three equal lines: 33 each and the one unit left to the first.
    expect(shares(allocate(minor(100), [line(0, 10), line(1, 10), line(2, 10)]))).toEqual({ 0: 34, 1: 33, 2: 33 });
    // Every share is at most its line and they add up to the amount, whatever the split.
    for (const amount of [1, 7, 99, 1234, 5999]) {
      const lines = [line(0, 1), line(1, 2999), line(2, 3), line(3, 2997)];
      const split = allocate(minor(amount), lines);
      expect([...split.values()].reduce((a, b) => a + b, 0)).toBe(amount);
      for (const l of lines) expect(split.get(l.key) ?? 0).toBeLessThanOrEqual(l.total);
    }
  });

  it('takes a fixed amount off the eligible lines only, never below one minor unit to pay', () => {
    const scoped = coupon({ kind: 'fixed', value: 500, scope: { kind: 'products', ids: [101] } });
    const found = couponDiscount(scoped, [line(0, 333), line(1, 2000)], new Set(), minor(2333));
    expect(found.ok && shares(found.value.byLine)).toEqual({ 1: 500 });
    const whole = couponDiscount(coupon({ kind: 'fixed', value: 10_000 }), [line(0, 1000)], new Set(), minor(1000));
    expect(whole.ok && whole.value.discount).toBe(999);
    // A delivery fee is paid in full, but it leaves room for the whole of the goods.
    const withFee = couponDiscount(coupon({ kind: 'fixed', value: 10_000 }), [line(0, 1000)], new Set(), minor(1500));
    expect(withFee.ok && withFee.value.discount).toBe(1000);
  });

  it("discounts its seller's goods only, in its categories, above its minimum", () => {
    const bySeller = couponDiscount(coupon({ sellerId: 2 }), [line(0, 1000), line(1, 2000, { sellerId: 2 })], new Set(), minor(3000));
    expect(bySeller.ok && shares(bySeller.value.byLine)).toEqual({ 1: 200 });
    const categories = coupon({ scope: { kind: 'categories', ids: [5] } });
    const inCategory = couponDiscount(categories, [line(0, 1000, { categoryId: 6 }), line(1, 1000, { categoryId: 9 })], new Set([5, 6]), minor(2000));
    expect(inCategory.ok && shares(inCategory.value.byLine)).toEqual({ 0: 100 });
    expect(couponDiscount(categories, [line(0, 1000)], new Set([5]), minor(1000))).toMatchObject({ error: { code: 'COUPON_NOT_APPLICABLE' } });
    expect(couponDiscount(coupon({ sellerId: 3 }), [line(0, 1000)], new Set(), minor(1000))).toMatchObject({ error: { code: 'COUPON_NOT_APPLICABLE' } });
    expect(couponDiscount(coupon({ minTotal: minor(1001) }), [line(0, 1000)], new Set(), minor(1000))).toMatchObject({ error: { code: 'COUPON_MIN_TOTAL' } });
    // 10 % of 9 fen is nothing: refused rather than "applied" for 0.
    expect(couponDiscount(coupon(), [line(0, 9)], new Set(), minor(9))).toMatchObject({ error: { code: 'COUPON_NOT_APPLICABLE' } });
  });

  it('checks the window, the switch and the currency (Telegram Stars take no coupon)', () => {
    expect(checkCouponTerms(coupon(), NOW, 'CNY').ok).toBe(true);
    expect(checkCouponTerms(coupon(), NOW, 'XTR')).toMatchObject({ error: { code: 'COUPON_NOT_APPLICABLE' } });
    expect(checkCouponTerms(coupon({ active: false }), NOW, 'CNY')).toMatchObject({ error: { code: 'COUPON_EXPIRED' } });
    expect(checkCouponTerms(coupon({ startsAt: new Date(NOW.getTime() + 1) }), NOW, 'CNY')).toMatchObject({ error: { code: 'COUPON_NOT_STARTED' } });
    expect(checkCouponTerms(coupon({ endsAt: NOW }), NOW, 'CNY')).toMatchObject({ error: { code: 'COUPON_EXPIRED' } });
    expect(checkCouponTerms(coupon({ endsAt: new Date(NOW.getTime() + 1) }), NOW, 'CNY').ok).toBe(true);
  });

  it('validates terms: a new coupon whole, a change over what it was', () => {
    const made = validateCouponTerms({ code: ' spring-25 ', kind: 'percent', value: 2500, scope: { kind: 'products', ids: [3, 1, 3] } }, 'CNY');
    expect(made).toMatchObject({ ok: true, value: { code: 'SPRING-25', scope: { kind: 'products', ids: [1, 3] }, currency: 'CNY', active: true } });
    if (!made.ok) return;
    expect(validateCouponTerms({ value: 10_001 }, 'CNY', made.value)).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: { field: 'value' } } });
    expect(validateCouponTerms({ kind: 'fixed', value: 10_001 }, 'CNY', made.value)).toMatchObject({ ok: true, value: { kind: 'fixed', value: 10_001 } });
    expect(validateCouponTerms({ code: 'OTHER' }, 'CNY', made.value)).toMatchObject({ error: { details: { field: 'code' } } });
    expect(validateCouponTerms({ totalLimit: 0 }, 'CNY', made.value)).toMatchObject({ error: { details: { field: 'totalLimit' } } });
    expect(validateCouponTerms({ totalLimit: null, endsAt: '2027-01-01T00:00:00Z' }, 'CNY', made.value)).toMatchObject({
      ok: true,
      value: { totalLimit: null, endsAt: new Date('2027-01-01T00:00:00Z') },
    });
  });
});
