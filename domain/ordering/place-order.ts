import { sha256Hex } from '../shared/digest';
import { ShopLimits } from '../shared/limits';
import { DomainError, Result, fail, ok } from '../shared/result';
import { ValidationError, invalid } from '../shared/validation';
import { CheckoutLockedError, lockShopperForPlacement } from '../account';
import { HOUSE_SELLER_ID } from '../catalog';
import { AppliedCoupon, CouponError, redeemCouponInTx } from '../coupons';
import { sumMinor } from '../shared/money';
import { couponForLines, discountedLines, parseCouponCode } from './coupon-placement';
import { Order, itemsKeyOf } from './order';
import { newOrderNo } from './order-number';
import { PAYMENT_METHODS, PaymentExceptions, PaymentMethod, orderCurrencyOf } from './order-types';
import { OrderingDeps, OrderingTx } from './ordering-deps';
import { RequestedItem, normaliseItems, priceLinesOfSellers } from './price-lines';
import { checkReservationLimits } from './reservation-limits';
import { reserveLines } from './stock-reservation';

export interface PlaceOrder {
  shopperId: string;
  /** The HTTP Idempotency-Key or the bot's callback id: the same key always means the same order. */
  idempotencyKey: string | null;
  items?: unknown;
  fromCart?: boolean;
  paymentMethod: unknown;
  /** A coupon code (any case); absent: none. */
  coupon?: unknown;
}

export interface PlacedOrder {
  order: Order;
  /** 'created' new; 'replayed' same key seen before; 'reused' a still-payable order for the same items. */
  outcome: 'created' | 'replayed' | 'reused';
}

export type PlaceOrderError =
  | ValidationError
  | CheckoutLockedError
  | CouponError
  | DomainError<
      | 'IDEMPOTENCY_KEY_REUSED'
      | 'TOO_MANY_UNPAID_ORDERS'
      | 'RESERVATION_LIMIT'
      | 'CANCEL_COOLDOWN'
      | 'OUT_OF_STOCK'
      | 'PRODUCT_NOT_FOUND'
      | 'CART_EMPTY'
      | 'PAYMENT_METHOD_UNAVAILABLE'
      | 'PAYMENT_METHOD_NOT_ALLOWED'
      | 'CHECKOUT_REQUIRED'
    >;

export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{8,128}$/;

/** A placement whose input has been checked: what the transaction works from. */
export interface Placement {
  shopperId: string;
  idempotencyKey: string | null;
  paymentMethod: PaymentMethod;
  /** null: the shopper's cart, read inside the transaction. */
  asked: RequestedItem[] | null;
  /** Products sold only by some methods (credit packs never by credit, whatever this says). */
  exceptions: PaymentExceptions;
  /** The coupon code asked for, upper-case; null: none. */
  coupon: string | null;
  requestHash: string;
  now: Date;
}

/** Checks a placement before any transaction opens: bad input takes no lock. */
export function preparePlacement(
  cmd: PlaceOrder,
  limits: ShopLimits,
  enabledMethods: readonly PaymentMethod[],
  now: Date,
  exceptions: PaymentExceptions = {},
): Result<Placement, PlaceOrderError> {
  const paymentMethod = PAYMENT_METHODS.find((m) => m === cmd.paymentMethod);
  if (paymentMethod === undefined) return invalid('paymentMethod', `must be one of ${PAYMENT_METHODS.join(', ')}`);
  if (!enabledMethods.includes(paymentMethod)) return fail('PAYMENT_METHOD_UNAVAILABLE', `${paymentMethod} payments are not available in this shop`);
  if (cmd.idempotencyKey !== null && !IDEMPOTENCY_KEY_PATTERN.test(cmd.idempotencyKey))
    return invalid('Idempotency-Key', 'must be 8–128 printable ASCII characters');
  if (cmd.fromCart === true && cmd.items !== undefined) return invalid('items', 'give either items or fromCart, not both');
  let asked: RequestedItem[] | null = null;
  if (cmd.fromCart !== true) {
    const items = normaliseItems(cmd.items, limits);
    if (!items.ok) return items;
    asked = items.value;
  }
  const coupon = parseCouponCode(cmd.coupon);
  if (!coupon.ok) return coupon;
  // The coupon is part of what the key stands for; without one the hash is what it always was.
  const requestHash = sha256Hex(
    JSON.stringify(coupon.value === null ? { items: asked ?? 'cart', paymentMethod } : { items: asked ?? 'cart', paymentMethod, coupon: coupon.value }),
  );
  return ok({ shopperId: cmd.shopperId, idempotencyKey: cmd.idempotencyKey, paymentMethod, asked, exceptions, coupon: coupon.value, requestHash, now });
}

/**
 * What the caller does with a freshly inserted order in the same transaction before its stock is reserved (payment
 * opens its payment row, or pays with credit): it hands back the order as it now stands, or a failure that rolls
 * the placement back.
 */
export type SettleNewOrder<E> = (order: Order) => Promise<Result<Order, E>>;

/**
 * Places the order in the caller's transaction (payment runs it, and pays a credit order in the same one): the
 * shopper's lock, the idempotency key, a still-payable order for the same items, the shopper's reservation caps
 * (`reservation-limits.ts`), prices, `settle`,
 * and stock reserved LAST — the hot product rows are locked only for the COMMIT right after.
 */
export async function placeInTx<E = never>(
  tx: OrderingTx,
  deps: Pick<OrderingDeps, 'ids' | 'limits'>,
  placement: Placement,
  settle?: SettleNewOrder<E>,
): Promise<Result<PlacedOrder, PlaceOrderError | E>> {
  const { shopperId, idempotencyKey, paymentMethod, requestHash, now } = placement;
  // One shopper's placements run one at a time from here on: the key check and the unpaid cap cannot be raced. A
  // shopper locked out of checkout (too many failed checkouts lately) stops here, before anything else is read.
  const shopperLock = await lockShopperForPlacement(tx, deps.limits, shopperId, now);
  if (!shopperLock.ok) return shopperLock;
  if (idempotencyKey !== null) {
    const seen = await tx.orders.findByIdempotencyKey(shopperId, idempotencyKey);
    if (seen) {
      if (seen.requestHash !== requestHash) return fail('IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was used for a different order');
      return ok({ order: Order.restore(seen), outcome: 'replayed' });
    }
  }
  let items = placement.asked;
  if (items === null) {
    const cart = await tx.carts.list(shopperId);
    if (cart.length === 0) return fail('CART_EMPTY', 'the cart is empty');
    const normalised = normaliseItems(
      cart.map((l) => ({ productId: l.productId, quantity: l.quantity })),
      deps.limits,
    );
    if (!normalised.ok) return normalised;
    items = normalised.value;
  }
  if (paymentMethod !== 'credit') {
    const payableUntil = new Date(now.getTime() + deps.limits.reuseMinRemainingMs);
    const reusable = await tx.orders.findReusable(shopperId, itemsKeyOf(items), paymentMethod, payableUntil);
    // Handed back only for the same coupon (or none): another code asks for another price.
    if (reusable && reusable.couponCode === placement.coupon) return ok({ order: Order.restore(reusable), outcome: 'reused' });
    const mine = await tx.orders.reservationsOf(shopperId, now, new Date(now.getTime() - deps.limits.cancelCooldownMs));
    const allowed = checkReservationLimits(mine, items, deps.limits, now);
    if (!allowed.ok) return allowed;
  }
  const priced = await priceLinesOfSellers(tx, items, paymentMethod, placement.exceptions);
  if (!priced.ok) return priced;
  // An order of its own is the house's digital goods; another seller's goods (held for the seller) and physical
  // goods (a delivery option and an address) are bought through a checkout.
  if (priced.value.some((p) => p.sellerId !== HOUSE_SELLER_ID || p.line.kind === 'physical'))
    return fail('CHECKOUT_REQUIRED', "another shop's goods and physical goods are bought through a checkout (POST /v1/checkouts)");
  // A coupon is checked and its discount spread over the lines now; it is counted after `settle`, before the stock.
  let applied: AppliedCoupon | null = null;
  if (placement.coupon !== null) {
    const currency = orderCurrencyOf(paymentMethod, deps.limits.currency);
    const payable = sumMinor(priced.value.map((p) => p.line.lineTotal));
    const found = await couponForLines(tx, { code: placement.coupon, shopperId, currency, now, priced: priced.value, payable });
    if (!found.ok) return found;
    applied = found.value;
  }
  const lines = ok(discountedLines(priced.value, applied).map((p) => p.line));
  // The row goes in first, under a freshly drawn number (a collision draws again); stock and codes are then
  // reserved against it, and a shortage rolls the whole placement back.
  const place = () =>
    Order.place({
      orderNo: newOrderNo(now, deps.ids),
      userId: shopperId,
      lines: lines.value,
      currency: orderCurrencyOf(paymentMethod, deps.limits.currency),
      paymentMethod,
      idempotencyKey,
      requestHash: idempotencyKey === null ? null : requestHash,
      now,
      payWindowMs: deps.limits.payWindowMs,
      couponCode: applied?.coupon.code ?? null,
    });
  let order = place();
  for (let draw = 1; ; draw += 1) {
    const inserted = await tx.orders.insert(order.snapshot);
    if (inserted === 'INSERTED') break;
    if (inserted === 'DUPLICATE_IDEMPOTENCY_KEY') throw new Error('idempotency key inserted twice despite the shopper lock');
    if (draw >= 5) throw new Error('could not draw a free order number in 5 tries');
    order = place();
  }
  if (placement.asked === null) await tx.carts.clear(shopperId);
  if (settle) {
    const settled = await settle(order);
    if (!settled.ok) return settled;
    order = settled.value;
  }
  if (applied !== null) {
    const redeemed = await redeemCouponInTx(tx, applied, { purchaseNo: order.orderNo, userId: shopperId, now });
    if (!redeemed.ok) return redeemed;
  }
  const short = await reserveLines(tx, order.orderNo, lines.value, now);
  if (short) return fail('OUT_OF_STOCK', `not enough of ${short.title} left`, { productId: short.productId });
  return ok({ order, outcome: 'created' });
}
