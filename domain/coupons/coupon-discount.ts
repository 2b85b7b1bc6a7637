import { Minor, ZERO, minor, sumMinor } from '../shared/money';
import { DomainError, Result, fail, ok } from '../shared/result';
import { Coupon, FULL_PERCENT_BP } from './coupon';

/** One priced line of a purchase, as the coupon sees it. `key` is the caller's (its index). */
export interface CouponLine {
  key: number;
  productId: number;
  categoryId: number | null;
  sellerId: number;
  total: Minor;
}

export interface CouponDiscount {
  /** Σ of the lines' shares. */
  discount: Minor;
  /** Per line key (only lines with a share): its part of the discount, never more than the line. */
  byLine: Map<number, Minor>;
}

export type CouponTermsError = DomainError<'COUPON_MIN_TOTAL' | 'COUPON_NOT_APPLICABLE'>;

/**
 * The discount a coupon gives these lines, exactly in integers: the coupon's seller's lines in its scope
 * (`inCategories` already holds the scope's categories with all below them) are eligible; a percentage is rounded
 * down; a fixed amount is at most what the eligible lines cost. It is spread over the eligible lines in proportion to
 * their totals (largest remainder, ties to the earlier line), so every line's paid amount is a whole number of minor
 * units and a refund of a line never exceeds what it was paid. `payable` is what the purchase costs in all: the
 * discount leaves at least one minor unit to pay (no provider takes a payment of nothing).
 */
export function couponDiscount(
  coupon: Coupon,
  lines: readonly CouponLine[],
  inCategories: ReadonlySet<number>,
  payable: Minor,
): Result<CouponDiscount, CouponTermsError> {
  const sellers = lines.filter((l) => l.sellerId === coupon.sellerId);
  const goods = sumMinor(sellers.map((l) => l.total));
  if (sellers.length === 0) return fail('COUPON_NOT_APPLICABLE', `coupon ${coupon.code} is not for anything in this purchase`);
  if (goods < coupon.minTotal)
    return fail('COUPON_MIN_TOTAL', `coupon ${coupon.code} needs goods of at least ${coupon.minTotal} ${coupon.currency}`, { minTotal: coupon.minTotal });
  const eligible = sellers.filter((l) => {
    if (coupon.scope.kind === 'products') return coupon.scope.ids.includes(l.productId);
    if (coupon.scope.kind === 'categories') return l.categoryId !== null && inCategories.has(l.categoryId);
    return true;
  });
  const base = sumMinor(eligible.map((l) => l.total));
  const wanted = coupon.kind === 'percent' ? Number((BigInt(base) * BigInt(coupon.value)) / BigInt(FULL_PERCENT_BP)) : Math.min(coupon.value, base);
  const discount = minor(Math.max(0, Math.min(wanted, payable - 1)));
  if (discount <= 0) return fail('COUPON_NOT_APPLICABLE', `coupon ${coupon.code} takes nothing off this purchase`);
  return ok({ discount, byLine: allocate(discount, eligible) });
}

/** Splits `amount` over the lines in proportion to their totals: floors, then one unit each to the largest remainders. */
export function allocate(amount: Minor, lines: readonly Pick<CouponLine, 'key' | 'total'>[]): Map<number, Minor> {
  const whole = BigInt(sumMinor(lines.map((l) => l.total)));
  const shares = new Map<number, Minor>();
  if (whole === 0n || amount === ZERO) return shares;
  const parts = lines.map((l, i) => {
    const exact = BigInt(amount) * BigInt(l.total);
    return { key: l.key, i, share: Number(exact / whole), remainder: exact % whole };
  });
  let left = amount - parts.reduce((s, p) => s + p.share, 0);
  const byRemainder = [...parts].sort((a, b) => (a.remainder === b.remainder ? a.i - b.i : a.remainder > b.remainder ? -1 : 1));
  for (const p of byRemainder) {
    if (left === 0) break;
    p.share += 1;
    left -= 1;
  }
  for (const p of parts) if (p.share > 0) shares.set(p.key, minor(p.share));
  return shares;
}
