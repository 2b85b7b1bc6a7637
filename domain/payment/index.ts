// The payment context's public face: what other contexts and the doors may use.
export { PAYMENT_ERROR_CODES, paymentContext } from './payment-context';
export type { PaymentErrorCode } from './payment-context';
export type { PaymentDeps, PaymentRepositories, PaymentTx } from './payment-deps';
export { CREDIT_PROVIDER, DEFAULT_PAYMENT_CHOICE, configuredProviders, enabledMethods, providerFor, unconfiguredProvider } from './payment-providers';
export type { PaymentProviders, ProviderMethod } from './payment-providers';
export { methodsForProducts } from './payment-choice';
export type { PaidProduct } from './payment-choice';
export type {
  PaymentProvider,
  ProviderError,
  ProviderErrorCode,
  ProviderRefund,
  ProviderTrade,
  QrPaymentRequest,
  RefundRequest,
  RefundState,
  TradeState,
} from './payment-provider';
export type { ProviderEvent } from './provider-event';
export type { EventFailure, EventOutcome } from './apply-provider-event';
export type { NewPayment, PaymentRecord, PaymentRepository, PaymentStatus } from './payment-record';
export { REFUND_KINDS } from './refund-record';
export type { NewRefund, RefundKind, RefundRecord, RefundRepository, RefundStatus } from './refund-record';
export type { QrPayment } from './start-qr-payment';
export type { StarsPreCheckout, StarsPreCheckoutError } from './stars-pre-checkout';
export type { StarsPayment } from './stars-payment';
export type { OrderDetails } from './order-details';
export type { CheckedOut, CheckoutError } from './checkout';
export type { RefundCommand, RefundError } from './refund-order';
export { closeOrder } from './close-order';
export { executeRefundTopic, refundExecutionOf } from './execute-refund';
export { paymentCheckBackoffMs } from './repair-dropped-payments';
export type { CheckedOutMany, PlaceCheckoutFailure } from './place-checkout';
export type { CheckoutQr, CheckoutQrError } from './checkout-qr';
export type { CheckoutDetails } from './checkout-details';
export { cancellationRefundNo } from './cancel-seller-order';
export type { CancelSellerOrderError } from './cancel-seller-order';
