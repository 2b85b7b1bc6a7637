// The ordering context's public face: what other contexts and the doors may use.
export { ORDERING_ERROR_CODES, orderingContext } from './ordering-context';
export type { OrderingErrorCode } from './ordering-context';
export type { OrderingDeps, OrderingRepositories, OrderingTx } from './ordering-deps';
export { ORDER_STATUSES, PAYMENT_METHODS, STARS_CURRENCY, orderCurrencyOf, orderKind } from './order-types';
export type {
  OrderChanges,
  OrderKind,
  OrderLine,
  OrderState,
  OrderStatus,
  OrderTransition,
  PaymentExceptions,
  PaymentMethod,
  TransitionSubject,
  DeliveryChoice,
  Shipment,
} from './order-types';
export { Order, itemsKeyOf } from './order';
export { CHECKOUT_NO_PATTERN, CHECKOUT_STATUSES, isCheckoutNo, newCheckoutNo } from './checkout';
export type { CheckoutRepository, CheckoutState, CheckoutStatus } from './checkout';
export { MAX_DELIVERY_OPTIONS, validateDeliveryOption } from './delivery-option';
export type { DeliveryOption, DeliveryOptionDraft, DeliveryOptionRepository } from './delivery-option';
export {
  ORDER_EVENT_TYPES,
  ORDER_TRANSITIONS,
  SETTLED_STATUSES,
  UNDELIVERED_PAID_STATUSES,
  UNPAID_STATUSES,
  afterTransition,
  isPayable,
  isSettled,
  isUnpaid,
  nextDeliveryAttemptAt,
  wasReceived,
  refundableAmount,
  transition,
} from './order-state-machine';
export type { OrderEvent, OrderEventType, TransitionRule } from './order-state-machine';
export { ORDER_NO_PATTERN, newOrderNo } from './order-number';
export type { OrderListQuery, OrderRepository, SalesSummary, ShopperReservations, StuckOrderQuery } from './order-repository';
export type { OrderPage } from './order-queries';
export type { CartLine, CartRepository } from './cart';
export type { CartItemView, CartView } from './cart-use-cases';
export type { FulfilmentRequest, FulfilmentWebhook } from './fulfilment-webhook';
export { IDEMPOTENCY_KEY_PATTERN, placeInTx, preparePlacement } from './place-order';
export type { PlaceOrder, PlaceOrderError, PlacedOrder, Placement, SettleNewOrder } from './place-order';
export { deliverOrderTopic, deliveryOf } from './deliver-order';
export type { DeliveryError, DeliveryOutcome } from './deliver-order';
export { closeUnpaidInTx } from './close-order';
export type { CouponPreview, PreviewCoupon } from './preview-coupon';
export { noteCouponRefusal } from './coupon-placement';
export type { CloseOrderError } from './close-order';
export { releaseLines, reserveLines } from './stock-reservation';
export type { RetryDeliveriesReport } from './retry-deliveries';
export { placeCheckoutInTx, prepareCheckout } from './place-checkout';
export type { CheckoutPlacement, PlaceCheckout, PlaceCheckoutError, PlacedCheckout, SettleNewCheckout } from './place-checkout';
export { RECEIPT_GRACE_DAYS } from './seller-orders';
export type { SellerOrderError, ShipCommand } from './seller-orders';
export { creditCompletedSale } from './complete-sale';
// The house's seller id, for contexts that see orders but not the catalog (support: a ticket on another seller's order).
export { HOUSE_SELLER_ID } from '../catalog';
