import { lockoutOn, noteCheckoutFailure } from '../account';
import { AppliedCoupon, CouponError, applyCouponInTx, normaliseCouponCode } from '../coupons';
import { Minor, ZERO } from '../shared/money';
import { Result, ok } from '../shared/result';
import { ValidationError, invalid } from '../shared/validation';
import { OrderLine } from './order-types';
import { OrderingDeps, OrderingTx } from './ordering-deps';

/** A coupon code as asked for (absent: none), upper-case; checked for shape only — whether it holds is decided in the transaction. */
export function parseCouponCode(value: unknown): Result<string | null, ValidationError> {
  if (value === undefined || value === null) return ok(null);
  if (typeof value !== 'string' || value.trim().length === 0 || value.length > 64) return invalid('coupon', 'must be a coupon code');
  return ok(normaliseCouponCode(value));
}

export interface PricedLine {
  line: OrderLine;
  sellerId: number;
  categoryId: number | null;
}

/**
 * The coupon for these priced lines, in the placing transaction (the shopper's lock held): whether it holds and what
 * each line gets off (by index into `priced`). Nothing is counted yet: `redeemCouponInTx` does, just before the stock.
 */
export async function couponForLines(
  tx: Pick<OrderingTx, 'coupons' | 'categories' | 'orders'>,
  ask: { code: string; shopperId: string; currency: string; now: Date; priced: readonly PricedLine[]; payable: Minor },
): Promise<Result<AppliedCoupon, CouponError>> {
  return applyCouponInTx(tx, {
    code: ask.code,
    shopperId: ask.shopperId,
    currency: ask.currency,
    lines: ask.priced.map((p, key) => ({ key, productId: p.line.productId, categoryId: p.categoryId, sellerId: p.sellerId, total: p.line.lineTotal })),
    payable: ask.payable,
    now: ask.now,
    hasOrders: () => tx.orders.hasOrdersHeldOrPaid(ask.shopperId),
  });
}

/** The priced lines with their shares of the discount (none without a coupon). */
export const discountedLines = (priced: readonly PricedLine[], applied: AppliedCoupon | null): PricedLine[] =>
  priced.map((p, key) => ({ ...p, line: { ...p.line, discount: applied?.byLine.get(key) ?? ZERO } }));

/**
 * The refusals that look like guessing codes: a coupon that does not exist, is over, has not begun, or is not this
 * shopper's to use. A coupon used up by a faster shopper, or one that does not fit the cart, is not the shopper's
 * doing and does not count towards a checkout lockout.
 */
const GUESSED_COUPON_CODES: ReadonlySet<string> = new Set([
  'COUPON_NOT_FOUND',
  'COUPON_EXPIRED',
  'COUPON_NOT_STARTED',
  'COUPON_LIMIT_PER_SHOPPER',
  'COUPON_FIRST_ORDER_ONLY',
]);

/**
 * After a placement or preview refused a coupon: notes the failed checkout (account's lockout rule). Its own short
 * transaction, because the refused placement's was rolled back; nothing when no coupon was asked or the refusal
 * was something else. Hands back the refusal unchanged.
 */
export async function noteCouponRefusal<R extends Result<unknown, { code: string }>>(
  deps: Pick<OrderingDeps, 'uow' | 'clock' | 'limits'>,
  shopperId: string,
  coupon: string | null,
  result: R,
): Promise<R> {
  if (result.ok || coupon === null || !GUESSED_COUPON_CODES.has(result.error.code) || !lockoutOn(deps.limits.checkoutLockout)) return result;
  const now = deps.clock.now();
  await deps.uow.run((tx) => noteCheckoutFailure(tx, deps.limits, shopperId, 'COUPON_REFUSED', now, coupon));
  return result;
}
