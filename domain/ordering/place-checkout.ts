import { ShippingAddress, addressLine, lockShopperForPlacement, validateShippingAddress } from '../account';
import { AppliedCoupon, redeemCouponInTx } from '../coupons';
import { sha256Hex } from '../shared/digest';
import { ShopLimits } from '../shared/limits';
import { Minor, ZERO, addMinor, sumMinor } from '../shared/money';
import { DomainError, Result, fail, ok } from '../shared/result';
import { ValidationError, invalid, positiveInt } from '../shared/validation';
import { CheckoutState, newCheckoutNo } from './checkout';
import { couponForLines, discountedLines } from './coupon-placement';
import { DeliveryOption } from './delivery-option';
import { Order } from './order';
import { newOrderNo } from './order-number';
import { DeliveryChoice, OrderLine, PaymentExceptions, PaymentMethod } from './order-types';
import { OrderingDeps, OrderingTx } from './ordering-deps';
import { PlaceOrder, PlaceOrderError, preparePlacement } from './place-order';
import { normaliseItems, priceLinesOfSellers } from './price-lines';
import { checkReservationLimits } from './reservation-limits';
import { sellerTermsOf } from './seller-terms';
import { reserveLines } from './stock-reservation';

/** A checkout asked for: the items (or the cart), how it is paid, per seller of physical goods the delivery option, and where to. */
export interface PlaceCheckout extends PlaceOrder {
  /** One per seller whose goods are physical: which of that seller's delivery options. */
  delivery?: unknown;
  /** The shipping address; absent: the shopper's saved one. A given one is saved for next time. */
  address?: unknown;
}

export type PlaceCheckoutError = PlaceOrderError | DomainError<'DELIVERY_OPTION_REQUIRED' | 'ADDRESS_REQUIRED'>;

export interface PlacedCheckout {
  checkout: CheckoutState;
  /** One per seller, in seller order. */
  orders: Order[];
  outcome: 'created' | 'replayed';
}

/** A checkout whose input has been checked, before any transaction opens. */
export interface CheckoutPlacement {
  shopperId: string;
  idempotencyKey: string | null;
  paymentMethod: PaymentMethod;
  asked: Array<{ productId: number; quantity: number }> | null;
  exceptions: PaymentExceptions;
  /** sellerId → optionId. */
  delivery: Map<number, number>;
  address: ShippingAddress | null;
  /** The coupon code asked for, upper-case; null: none. */
  coupon: string | null;
  requestHash: string;
  now: Date;
}

function parseDelivery(input: unknown): Result<Map<number, number>, ValidationError> {
  const picked = new Map<number, number>();
  if (input === undefined || input === null) return ok(picked);
  if (!Array.isArray(input) || input.length > 50) return invalid('delivery', 'must be a list of { sellerId, optionId }');
  for (const [i, raw] of input.entries()) {
    const entry = (typeof raw === 'object' && raw !== null ? raw : {}) as { sellerId?: unknown; optionId?: unknown };
    const seller = positiveInt(`delivery[${i}].sellerId`, entry.sellerId, Number.MAX_SAFE_INTEGER);
    if (!seller.ok) return seller;
    const option = positiveInt(`delivery[${i}].optionId`, entry.optionId, Number.MAX_SAFE_INTEGER);
    if (!option.ok) return option;
    if (picked.has(seller.value)) return invalid('delivery', `seller ${seller.value} is listed twice`);
    picked.set(seller.value, option.value);
  }
  return ok(picked);
}

/** Checks a checkout before any transaction: bad input takes no lock. */
export function prepareCheckout(
  cmd: PlaceCheckout,
  limits: ShopLimits,
  enabledMethods: readonly PaymentMethod[],
  now: Date,
  exceptions: PaymentExceptions = {},
): Result<CheckoutPlacement, PlaceCheckoutError> {
  const base = preparePlacement(cmd, limits, enabledMethods, now, exceptions);
  if (!base.ok) return base;
  const delivery = parseDelivery(cmd.delivery);
  if (!delivery.ok) return delivery;
  let address: ShippingAddress | null = null;
  if (cmd.address !== undefined && cmd.address !== null) {
    const checked = validateShippingAddress(cmd.address);
    if (!checked.ok) return checked;
    address = checked.value;
  }
  const requestHash = sha256Hex(JSON.stringify({ base: base.value.requestHash, delivery: [...delivery.value].sort((a, b) => a[0] - b[0]), address }));
  const { shopperId, idempotencyKey, paymentMethod, asked, coupon } = base.value;
  return ok({ shopperId, idempotencyKey, paymentMethod, asked, exceptions, delivery: delivery.value, address, coupon, requestHash, now });
}

/** What payment does with the fresh checkout and its orders in the same transaction, before stock is reserved. */
export type SettleNewCheckout<E> = (checkout: CheckoutState, orders: Order[]) => Promise<Result<{ checkout: CheckoutState; orders: Order[] }, E>>;

/**
 * Places a checkout in the caller's transaction: the shopper's lock, the idempotency key, the reservation caps (a
 * checkout counts as ONE unpaid purchase), prices, one order per seller (its seller's hold, and for physical goods
 * the delivery option picked and the address), the checkout row, `settle`, and stock reserved LAST, across all its
 * orders in product order (one lock order for every placement, so two checkouts cannot deadlock).
 */
export async function placeCheckoutInTx<E = never>(
  tx: OrderingTx,
  deps: Pick<OrderingDeps, 'ids' | 'limits'>,
  placement: CheckoutPlacement,
  settle?: SettleNewCheckout<E>,
): Promise<Result<PlacedCheckout, PlaceCheckoutError | E>> {
  const { shopperId, idempotencyKey, paymentMethod, requestHash, now } = placement;
  const shopperLock = await lockShopperForPlacement(tx, deps.limits, shopperId, now);
  if (!shopperLock.ok) return shopperLock;
  if (idempotencyKey !== null) {
    const seen = await tx.checkouts.findByIdempotencyKey(shopperId, idempotencyKey);
    if (seen) {
      if (seen.requestHash !== requestHash) return fail('IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was used for a different checkout');
      const orders = await tx.orders.findByCheckout(seen.checkoutNo);
      return ok({ checkout: seen, orders: orders.map((o) => Order.restore(o)), outcome: 'replayed' });
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
    const mine = await tx.orders.reservationsOf(shopperId, now, new Date(now.getTime() - deps.limits.cancelCooldownMs));
    const allowed = checkReservationLimits(mine, items, deps.limits, now);
    if (!allowed.ok) return allowed;
  }
  const priced = await priceLinesOfSellers(tx, items, paymentMethod, placement.exceptions);
  if (!priced.ok) return priced;
  const bySeller = new Map<number, OrderLine[]>();
  for (const { line, sellerId } of priced.value) bySeller.set(sellerId, [...(bySeller.get(sellerId) ?? []), line]);
  const sellerIds = [...bySeller.keys()].sort((a, b) => a - b);
  // The coupon's discount falls on its seller's lines only (that seller's order total is what is paid for them).
  let applied: AppliedCoupon | null = null;
  const terms = await sellerTermsOf(tx, sellerIds, deps.limits);
  for (const sellerId of sellerIds) {
    // A shop that is not (or no longer) active sells nothing: its goods are as good as gone.
    const seller = terms.get(sellerId);
    if (!seller || !seller.active) {
      const productId = bySeller.get(sellerId)?.[0]?.productId;
      return fail('PRODUCT_NOT_FOUND', `no product ${productId ?? '?'}`, { productId });
    }
  }
  const choices = await deliveryChoices(tx, placement, bySeller, shopperId);
  if (!choices.ok) return choices;
  if (placement.coupon !== null) {
    const fees = sumMinor([...choices.value.values()].map((c) => c.fee));
    const payable = addMinor(sumMinor(priced.value.map((p) => p.line.lineTotal)), fees);
    const found = await couponForLines(tx, { code: placement.coupon, shopperId, currency: deps.limits.currency, now, priced: priced.value, payable });
    if (!found.ok) return found;
    applied = found.value;
    bySeller.clear();
    for (const { line, sellerId } of discountedLines(priced.value, applied)) bySeller.set(sellerId, [...(bySeller.get(sellerId) ?? []), line]);
  }

  const expiresAt = new Date(now.getTime() + deps.limits.payWindowMs);
  let checkoutNo = newCheckoutNo(now, deps.ids);
  const orders: Order[] = [];
  let total: Minor = ZERO;
  const ordersFor = (no: string) =>
    sellerIds.map((sellerId) => {
      const seller = terms.get(sellerId);
      const lines = (bySeller.get(sellerId) ?? []).map((line, i) => ({ ...line, lineNo: i + 1 }));
      return Order.place({
        orderNo: newOrderNo(now, deps.ids),
        userId: shopperId,
        lines,
        currency: deps.limits.currency,
        paymentMethod,
        idempotencyKey: null,
        requestHash: null,
        now,
        payWindowMs: deps.limits.payWindowMs,
        couponCode: applied?.coupon.code ?? null,
        seller: {
          sellerId,
          checkoutNo: no,
          confirmWindowMinutes: seller === undefined || seller.autoConfirm ? null : seller.confirmWindowMinutes,
          delivery: choices.value.get(sellerId) ?? null,
        },
      });
    });
  let draft = ordersFor(checkoutNo);
  for (const o of draft) total = addMinor(total, o.snapshot.totalAmount);
  const checkout = (): CheckoutState => ({
    checkoutNo,
    userId: shopperId,
    status: 'OPEN',
    currency: deps.limits.currency,
    totalAmount: total,
    paymentMethod,
    idempotencyKey,
    requestHash: idempotencyKey === null ? null : requestHash,
    createdAt: now,
    expiresAt,
    paidAt: null,
    closedAt: null,
  });
  for (let draw = 1; ; draw += 1) {
    const inserted = await tx.checkouts.insert(checkout());
    if (inserted === 'INSERTED') break;
    if (inserted === 'DUPLICATE_IDEMPOTENCY_KEY') throw new Error('idempotency key inserted twice despite the shopper lock');
    if (draw >= 5) throw new Error('could not draw a free checkout number in 5 tries');
    checkoutNo = newCheckoutNo(now, deps.ids);
    draft = ordersFor(checkoutNo);
  }
  for (const order of draft) {
    let placed = order;
    for (let draw = 1; ; draw += 1) {
      const inserted = await tx.orders.insert(placed.snapshot);
      if (inserted === 'INSERTED') break;
      if (draw >= 5) throw new Error('could not draw a free order number in 5 tries');
      placed = Order.restore({ ...placed.snapshot, orderNo: newOrderNo(now, deps.ids) });
    }
    orders.push(placed);
  }
  if (placement.asked === null) await tx.carts.clear(shopperId);
  if (placement.address !== null) await tx.addresses.save(shopperId, placement.address, now);
  let settled = { checkout: checkout(), orders };
  if (settle) {
    const result = await settle(settled.checkout, orders);
    if (!result.ok) return result;
    settled = result.value;
  }
  if (applied !== null) {
    const redeemed = await redeemCouponInTx(tx, applied, { purchaseNo: checkoutNo, userId: shopperId, now });
    if (!redeemed.ok) return redeemed;
  }
  // Every line of every order, in one product order: the hot rows are locked last and always in the same order.
  const all = orders.flatMap((o) => o.snapshot.lines.map((line) => ({ orderNo: o.orderNo, line }))).sort((a, b) => a.line.productId - b.line.productId);
  for (const { orderNo, line } of all) {
    const short = await reserveLines(tx, orderNo, [line], now);
    if (short) return fail('OUT_OF_STOCK', `not enough of ${short.title} left`, { productId: short.productId });
  }
  return ok({ ...settled, outcome: 'created' });
}

/** Per seller with physical goods: the option the shopper picked (one of that seller's active ones) and the address. */
async function deliveryChoices(
  tx: OrderingTx,
  placement: CheckoutPlacement,
  bySeller: Map<number, OrderLine[]>,
  shopperId: string,
): Promise<Result<Map<number, DeliveryChoice>, PlaceCheckoutError>> {
  const shipping = [...bySeller].filter(([, lines]) => lines.some((l) => l.kind === 'physical')).map(([sellerId]) => sellerId);
  const choices = new Map<number, DeliveryChoice>();
  if (shipping.length === 0) return ok(choices);
  const address = placement.address ?? (await tx.addresses.find(shopperId));
  if (address === null) return fail('ADDRESS_REQUIRED', 'physical goods need a shipping address');
  const wanted = shipping.map((sellerId) => placement.delivery.get(sellerId));
  const options = new Map<number, DeliveryOption>(
    (await tx.deliveryOptions.findActiveByIds(wanted.filter((id): id is number => id !== undefined))).map((o) => [o.id, o]),
  );
  for (const sellerId of shipping) {
    const optionId = placement.delivery.get(sellerId);
    const option = optionId === undefined ? undefined : options.get(optionId);
    if (!option || option.sellerId !== sellerId) return fail('DELIVERY_OPTION_REQUIRED', `pick one of seller ${sellerId}'s delivery options`, { sellerId });
    choices.set(sellerId, { optionId: option.id, name: option.name, fee: option.fee, estimatedDays: option.estimatedDays, address: addressLine(address) });
  }
  return ok(choices);
}
