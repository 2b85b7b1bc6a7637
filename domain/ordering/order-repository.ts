import { Minor } from '../shared/money';
import { OrderState, OrderStatus, OrderTransition, PaymentMethod } from './order-types';

export interface OrderListQuery {
  status?: OrderStatus;
  userId?: string;
  limit: number;
  offset: number;
}

/** What the stuck-orders list asks the orders table: which orders the repairs should have moved on by now. */
export interface StuckOrderQuery {
  /** PAID (not delivered) since before this. */
  paidBefore: Date;
  /** Unpaid (CREATED / AWAITING_PAYMENT) and expired before this, yet not closed. */
  expiredBefore: Date;
  limit: number;
  offset: number;
}

export interface SalesSummary {
  /** Orders placed in the period (any status). */
  placed: number;
  /** Orders paid in the period (by paid_at), whatever happened to them after. */
  paid: number;
  /** Σ total of the orders paid in the period in the shop's currency, minor units (Stars orders apart, below). */
  revenue: Minor;
  /** Σ refunded amount of those orders. */
  refunded: Minor;
  /** The Telegram Stars orders among them (XTR, whole stars): never added to the shop's money. */
  stars: { paid: number; revenue: Minor; refunded: Minor };
  /** Best sellers among the orders paid in the period, by quantity (revenue in the shop's currency, and in stars). */
  topProducts: Array<{ productId: number; title: string; quantity: number; revenue: Minor; starsRevenue: Minor }>;
}

/**
 * What one shopper holds back from other shoppers right now: units per product in their live unpaid orders, and
 * units their orders released by closing unpaid (cancelled, expired) within the cool-down.
 */
export interface ShopperReservations {
  unpaidOrders: number;
  products: ReadonlyArray<{ productId: number; held: number; released: number }>;
  /** When the newest of those orders closed (null: none within the cool-down). */
  lastReleasedAt: Date | null;
}

export interface OrderRepository {
  /** Sales between `from` (inclusive) and `to` (exclusive); `top` best sellers. */
  salesSummary(from: Date, to: Date, top: number): Promise<SalesSummary>;
  /**
   * 'DUPLICATE_IDEMPOTENCY_KEY' when (userId, idempotencyKey) already exists, 'DUPLICATE_ORDER_NO' when the number is
   * taken (a random collision: draw another) — the unique keys decide.
   */
  insert(order: OrderState): Promise<'INSERTED' | 'DUPLICATE_IDEMPOTENCY_KEY' | 'DUPLICATE_ORDER_NO'>;
  findByNo(orderNo: string): Promise<OrderState | null>;
  findByIdempotencyKey(userId: string, idempotencyKey: string): Promise<OrderState | null>;
  /** The newest unpaid order of the shopper for exactly these items and method that stays payable past `payableUntil`. */
  /** Whether the shopper has an order that was paid or is awaiting payment (a first-order coupon is for shoppers without). */
  hasOrdersHeldOrPaid(userId: string): Promise<boolean>;
  findReusable(userId: string, itemsKey: string, paymentMethod: PaymentMethod, payableUntil: Date): Promise<OrderState | null>;
  /**
   * In one statement: the shopper's unpaid (CREATED / AWAITING_PAYMENT) orders that have not expired at `now`, with
   * their units per product, and the units of their orders that closed unpaid after `releasedSince`.
   */
  reservationsOf(userId: string, now: Date, releasedSince: Date): Promise<ShopperReservations>;
  list(query: OrderListQuery): Promise<{ items: OrderState[]; total: number }>;
  /**
   * True when this call made the change; false when the order was not in `from` any more (someone else won).
   * Bookkeeping without a status change is a transition too (from = to), under the same condition.
   */
  applyTransition(transition: OrderTransition): Promise<boolean>;
  /** Unpaid orders whose pay window has passed, oldest first. */
  findExpiredUnpaid(now: Date, limit: number): Promise<OrderState[]>;
  /** CREATED orders (their QR could not be made yet) created before `createdBefore` and still inside their pay window, oldest first. */
  findAwaitingPrepay(createdBefore: Date, now: Date, limit: number): Promise<OrderState[]>;
  /** Orders held up past the query's instants (see `StuckOrderQuery`), longest waiting first, with their total. */
  listStuck(query: StuckOrderQuery): Promise<{ items: OrderState[]; total: number }>;
  /** PAID orders whose next delivery attempt is due, oldest first. */
  findDeliveryDue(now: Date, limit: number): Promise<OrderState[]>;
  /** A checkout's seller orders. */
  findByCheckout(checkoutNo: string): Promise<OrderState[]>;
  /** One seller's orders, newest first (unpaid ones are not the seller's business yet: only paid onwards). */
  listBySeller(sellerId: number, query: { status?: OrderStatus; limit: number; offset: number }): Promise<{ items: OrderState[]; total: number }>;
  /** AWAITING_SELLER orders whose confirmation window has passed, oldest deadline first. */
  findConfirmOverdue(now: Date, limit: number): Promise<OrderState[]>;
  /** SHIPPED orders whose receive-by time has passed, oldest first. */
  findReceiveOverdue(now: Date, limit: number): Promise<OrderState[]>;
}
