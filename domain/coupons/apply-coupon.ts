import { Minor } from '../shared/money';
import { DomainError, Result, fail, ok } from '../shared/result';
import { Coupon, normaliseCouponCode } from './coupon';
import { CouponDiscount, CouponLine, CouponTermsError, couponDiscount } from './coupon-discount';
import { CouponsTx } from './coupons-deps';

export type CouponError =
  | CouponTermsError
  | DomainError<'COUPON_NOT_FOUND' | 'COUPON_EXPIRED' | 'COUPON_NOT_STARTED' | 'COUPON_USED_UP' | 'COUPON_LIMIT_PER_SHOPPER' | 'COUPON_FIRST_ORDER_ONLY'>;

/** A coupon that holds for a purchase, with what it takes off which line. */
export interface AppliedCoupon extends CouponDiscount {
  coupon: Coupon;
}

export interface CouponAsk {
  code: string;
  shopperId: string;
  /** The purchase's currency: a Telegram Stars purchase (XTR) takes no coupon. */
  currency: string;
  lines: readonly CouponLine[];
  /** What the purchase costs in all before the discount (delivery fees included). */
  payable: Minor;
  now: Date;
  /** Asked only for a first-order coupon: whether the shopper has an order paid or awaiting payment. */
  hasOrders: () => Promise<boolean>;
}

/**
 * Checks a coupon for a purchase in the caller's transaction and works out its discount — nothing is counted yet
 * (`redeemCouponInTx` does, late in the same transaction). The caller holds the shopper's lock, so the per-shopper
 * limit and the first-order rule cannot be raced by the same shopper's other placements.
 */
export async function applyCouponInTx(tx: Pick<CouponsTx, 'coupons' | 'categories'>, ask: CouponAsk): Promise<Result<AppliedCoupon, CouponError>> {
  const coupon = await tx.coupons.findByCode(normaliseCouponCode(ask.code));
  if (!coupon) return fail('COUPON_NOT_FOUND', `no coupon ${ask.code}`);
  const checked = checkCouponTerms(coupon, ask.now, ask.currency);
  if (!checked.ok) return checked;
  if (coupon.totalLimit !== null && coupon.used >= coupon.totalLimit) return fail('COUPON_USED_UP', `coupon ${coupon.code} has been used up`);
  if (coupon.perShopperLimit !== null && (await tx.coupons.usesBy(coupon.id, ask.shopperId)) >= coupon.perShopperLimit)
    return fail('COUPON_LIMIT_PER_SHOPPER', `coupon ${coupon.code} can be used ${coupon.perShopperLimit} time(s) per shopper`, {
      perShopperLimit: coupon.perShopperLimit,
    });
  if (coupon.firstOrderOnly && (await ask.hasOrders())) return fail('COUPON_FIRST_ORDER_ONLY', `coupon ${coupon.code} is for a first order only`);
  const inCategories = coupon.scope.kind === 'categories' ? await categoriesBelow(tx, coupon.scope.ids) : new Set<number>();
  const discount = couponDiscount(coupon, ask.lines, inCategories, ask.payable);
  return discount.ok ? ok({ coupon, ...discount.value }) : discount;
}

/** What a coupon's dates, switch and currency say, before any purchase is looked at. */
export function checkCouponTerms(coupon: Coupon, now: Date, currency: string): Result<void, CouponError> {
  if (!coupon.active) return fail('COUPON_EXPIRED', `coupon ${coupon.code} is no longer valid`);
  if (coupon.startsAt !== null && now < coupon.startsAt)
    return fail('COUPON_NOT_STARTED', `coupon ${coupon.code} is valid from ${coupon.startsAt.toISOString()}`, { startsAt: coupon.startsAt.toISOString() });
  if (coupon.endsAt !== null && now >= coupon.endsAt) return fail('COUPON_EXPIRED', `coupon ${coupon.code} expired at ${coupon.endsAt.toISOString()}`);
  if (currency !== coupon.currency) return fail('COUPON_NOT_APPLICABLE', `coupon ${coupon.code} is not taken for payments in ${currency}`);
  return ok(undefined);
}

/** The scope's categories and every category below them, from the one small tree. */
async function categoriesBelow(tx: Pick<CouponsTx, 'categories'>, ids: readonly number[]): Promise<Set<number>> {
  const all = await tx.categories.list();
  const roots = all.filter((c) => ids.includes(c.id)).map((c) => c.path);
  return new Set(all.filter((c) => roots.some((root) => c.path === root || c.path.startsWith(`${root}/`))).map((c) => c.id));
}

/**
 * Counts the use, in the placing transaction, once the purchase's rows are in: the redemption row, then the
 * coupon's conditional `used + 1` (its row is hot: only the stock comes after it). COUPON_USED_UP rolls the
 * placement back: under any concurrency no more purchases hold the coupon than its limit.
 */
export async function redeemCouponInTx(
  tx: CouponsTx,
  applied: AppliedCoupon,
  purchase: { purchaseNo: string; userId: string; now: Date },
): Promise<Result<void, CouponError>> {
  await tx.coupons.insertRedemption({
    purchaseNo: purchase.purchaseNo,
    couponId: applied.coupon.id,
    userId: purchase.userId,
    discount: applied.discount,
    status: 'used',
    createdAt: purchase.now,
    releasedAt: null,
  });
  if (!(await tx.coupons.claim(applied.coupon.id))) return fail('COUPON_USED_UP', `coupon ${applied.coupon.code} has just been used up`);
  return ok(undefined);
}

/** A purchase closed unpaid gives its use back, in the transaction that closes it (once: a second call finds none). */
export const releaseCouponInTx = (tx: CouponsTx, purchaseNo: string, at: Date): Promise<boolean> => tx.coupons.release(purchaseNo, at);

/** Money came in after all for a purchase that had closed (a late payment sells it): its use counts again. */
export const reclaimCouponInTx = (tx: CouponsTx, purchaseNo: string): Promise<boolean> => tx.coupons.reclaim(purchaseNo);
