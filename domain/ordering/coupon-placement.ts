import { AppliedCoupon, CouponError, applyCouponInTx, normaliseCouponCode } from '../coupons';
import { Minor, ZERO } from '../shared/money';
import { Result, ok } from '../shared/result';
import { ValidationError, invalid } from '../shared/validation';
import { OrderLine } from './order-types';
import { OrderingTx } from './ordering-deps';

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
