import { ProductKind } from '../catalog';
import { Minor } from '../shared/money';

export const ORDER_STATUSES = [
  'CREATED',
  'AWAITING_PAYMENT',
  'AWAITING_SELLER',
  'PAID',
  'SHIPPED',
  'DELIVERED',
  'CLOSED',
  'REFUNDING',
  'REFUNDED',
  'PARTIALLY_REFUNDED',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const PAYMENT_METHODS = ['credit', 'wechatpay', 'alipay', 'stars'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** Telegram Stars' currency code: an order paid by `stars` is priced, paid and refunded in whole stars. */
export const STARS_CURRENCY = 'XTR';

/** The currency an order paid by `method` is priced in: Stars orders in XTR, every other in the shop's currency. */
export const orderCurrencyOf = (method: PaymentMethod, shopCurrency: string): string => (method === 'stars' ? STARS_CURRENCY : shopCurrency);

/** The shop's per-product exceptions to its payment choice: by SKU, the only methods that product is sold by. */
export type PaymentExceptions = Readonly<Record<string, readonly PaymentMethod[]>>;

/** A line is a snapshot of the product at placement: later price or title changes never rewrite an order. */
export interface OrderLine {
  lineNo: number;
  productId: number;
  sku: string;
  title: string;
  kind: ProductKind;
  unitPrice: Minor;
  quantity: number;
  lineTotal: Minor;
  /** The line's share of the order's coupon discount (0 without one): the line is paid `lineTotal - discount`. */
  discount: Minor;
  /** For `credit` packs: credits per unit. */
  creditAmount: Minor | null;
  /** For `webhook` products: where fulfilment is asked for. */
  webhookUrl: string | null;
}

/** The seller's delivery option the shopper picked for physical goods, and where to, as they were at checkout. */
export interface DeliveryChoice {
  optionId: number;
  name: string;
  fee: Minor;
  estimatedDays: number;
  /** The shipping address, one text (recipient, phone, address). */
  address: string;
}

/** A physical order on its way: who carries it and when it completes by itself if the shopper does not confirm. */
export interface Shipment {
  carrier: string;
  trackingNo: string;
  shippedAt: Date;
  receiveBy: Date;
}

/** The persisted state of an order; the Order aggregate guards how it changes. */
export interface OrderState {
  orderNo: string;
  userId: string;
  status: OrderStatus;
  currency: string;
  /** What is paid: Σ(line total - line discount) + the delivery fee. */
  totalAmount: Minor;
  paymentMethod: PaymentMethod;
  lines: OrderLine[];
  /** The coupon that discounted it (upper-case code), and by how much in all (Σ of the lines' discounts); null / 0 without. */
  couponCode: string | null;
  discountAmount: Minor;
  idempotencyKey: string | null;
  /** Hash of what was asked for with the idempotency key: the same key with another body is refused. */
  requestHash: string | null;
  /** Canonical "productId×qty,…" of the lines: finds a still-payable order for the same items. */
  itemsKey: string;
  createdAt: Date;
  expiresAt: Date;
  paidAt: Date | null;
  deliveredAt: Date | null;
  closedAt: Date | null;
  closeReason: string | null;
  deliveryAttempts: number;
  nextDeliveryAt: Date | null;
  lastDeliveryError: string | null;
  refundedAmount: Minor;
  fulfilmentNote: string | null;
  /** Who sells it (1 = the house). A checkout makes one order per seller. */
  sellerId: number;
  /** The checkout it belongs to (its one payment is the checkout's); null: an order paid on its own. */
  checkoutNo: string | null;
  /** How long its seller has to confirm once paid; null: it needs no confirmation (auto-confirm, the house). */
  confirmWindowMinutes: number | null;
  /** AWAITING_SELLER until: past it the window job cancels and refunds it. */
  confirmBy: Date | null;
  /** Physical goods: the option picked and the address; null when nothing is shipped. Its fee is in the total. */
  delivery: DeliveryChoice | null;
  shipment: Shipment | null;
}

/** Columns a transition may set besides the status. */
export type OrderChanges = Partial<
  Pick<
    OrderState,
    | 'paidAt'
    | 'deliveredAt'
    | 'closedAt'
    | 'closeReason'
    | 'deliveryAttempts'
    | 'nextDeliveryAt'
    | 'lastDeliveryError'
    | 'refundedAmount'
    | 'fulfilmentNote'
    | 'expiresAt'
    | 'confirmBy'
    | 'shipment'
  >
>;

/** What an order is, for counting: the kind of its lines (`mixed` when they differ, `unknown` when they were not loaded) and how it is paid. */
export type OrderKind = ProductKind | 'mixed' | 'unknown';

export interface TransitionSubject {
  /** The state machine's event (`PAY`, `DELIVER`, …). */
  event: string;
  kind: OrderKind;
  paymentMethod: PaymentMethod;
}

export const orderKind = (lines: readonly Pick<OrderLine, 'kind'>[]): OrderKind => {
  const [first, ...rest] = lines;
  if (first === undefined) return 'unknown';
  return rest.every((line) => line.kind === first.kind) ? first.kind : 'mixed';
};

/** One conditional update: `UPDATE orders SET status=to, … WHERE order_no=? AND status=from`. */
export interface OrderTransition {
  orderNo: string;
  from: OrderStatus;
  to: OrderStatus;
  changes: OrderChanges;
  /** Why and to what: the repository ignores it; observers outside the domain (metrics) read it without a query. */
  subject?: TransitionSubject;
}
