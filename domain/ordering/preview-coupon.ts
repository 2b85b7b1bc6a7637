import { normaliseCouponCode } from '../coupons';
import { Minor, subtractMinor, sumMinor } from '../shared/money';
import { Result, fail, ok } from '../shared/result';
import { invalid } from '../shared/validation';
import { refuseWhileLockedOut } from '../account';
import { couponForLines, discountedLines, noteCouponRefusal, parseCouponCode } from './coupon-placement';
import { PAYMENT_METHODS, PaymentMethod, orderCurrencyOf } from './order-types';
import { OrderingDeps } from './ordering-deps';
import { PlaceOrderError } from './place-order';
import { normaliseItems, priceLinesOfSellers } from './price-lines';

export interface PreviewCoupon {
  shopperId: string;
  coupon: unknown;
  /** What would be bought; absent: the shopper's cart. */
  items?: unknown;
  /** How it would be paid (Telegram Stars take no coupon); absent: in the shop's currency. */
  paymentMethod?: unknown;
}

export interface CouponPreview {
  code: string;
  currency: string;
  /** The goods before the discount (delivery fees apart: they are not discounted). */
  goods: Minor;
  discount: Minor;
  /** The goods after it. */
  total: Minor;
  lines: Array<{ productId: number; title: string; lineTotal: Minor; discount: Minor }>;
}

/**
 * What a coupon would take off the shopper's cart (or these items) right now, with the same rules placing applies
 * — a plain read: the coupon is counted only when an order is placed with it, and may be used up by then.
 */
export async function previewCoupon(deps: Pick<OrderingDeps, 'uow' | 'clock' | 'limits'>, cmd: PreviewCoupon): Promise<Result<CouponPreview, PlaceOrderError>> {
  const code = parseCouponCode(cmd.coupon);
  if (!code.ok) return code;
  if (code.value === null) return invalid('coupon', 'must be a coupon code');
  const method: PaymentMethod | undefined = cmd.paymentMethod === undefined ? undefined : PAYMENT_METHODS.find((m) => m === cmd.paymentMethod);
  if (cmd.paymentMethod !== undefined && method === undefined) return invalid('paymentMethod', `must be one of ${PAYMENT_METHODS.join(', ')}`);
  const currency = method === undefined ? deps.limits.currency : orderCurrencyOf(method, deps.limits.currency);
  const now = deps.clock.now();
  const previewed = await deps.uow.read(async (r): Promise<Result<CouponPreview, PlaceOrderError>> => {
    // A shopper locked out of checkout (codes guessed, orders left to expire) tries no more codes meanwhile.
    const open = await refuseWhileLockedOut(r, deps.limits, cmd.shopperId, now);
    if (!open.ok) return open;
    const asked = cmd.items === undefined ? (await r.carts.list(cmd.shopperId)).map((l) => ({ productId: l.productId, quantity: l.quantity })) : cmd.items;
    if (Array.isArray(asked) && asked.length === 0) return fail('CART_EMPTY', 'the cart is empty');
    const items = normaliseItems(asked, deps.limits);
    if (!items.ok) return items;
    const priced = await priceLinesOfSellers(r, items.value, method ?? 'wechatpay');
    if (!priced.ok) return priced;
    const goods = sumMinor(priced.value.map((p) => p.line.lineTotal));
    const applied = await couponForLines(r, {
      code: normaliseCouponCode(code.value ?? ''),
      shopperId: cmd.shopperId,
      currency,
      now,
      priced: priced.value,
      payable: goods,
    });
    if (!applied.ok) return applied;
    return ok({
      code: applied.value.coupon.code,
      currency,
      goods,
      discount: applied.value.discount,
      total: subtractMinor(goods, applied.value.discount),
      lines: discountedLines(priced.value, applied.value).map((p) => ({
        productId: p.line.productId,
        title: p.line.title,
        lineTotal: p.line.lineTotal,
        discount: p.line.discount,
      })),
    });
  });
  return noteCouponRefusal(deps, cmd.shopperId, code.value, previewed);
}
