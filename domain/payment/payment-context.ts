import { PlaceCheckout, PlaceOrder } from '../ordering';
import { defineContext } from '../shared/context';
import { done, handle, retry } from '../shared/outbox/outbox-handler';
import { SingleFlight } from '../shared/single-flight';
import { EventOutcome, applyProviderEvent } from './apply-provider-event';
import { cancelUnpaidOrder } from './cancel-order';
import { checkPayment } from './check-payment';
import { checkout } from './checkout';
import { closeExpiredOrders } from './close-expired-orders';
import { executeRefund, executeRefundTopic } from './execute-refund';
import { getOrder } from './order-details';
import { PaymentDeps } from './payment-deps';
import { PaidProduct, methodsForProducts } from './payment-choice';
import { enabledMethods } from './payment-providers';
import { ProviderEvent } from './provider-event';
import { RefundCommand, refundOrder } from './refund-order';
import { repairDroppedPayments } from './repair-dropped-payments';
import { retryPrepay } from './retry-prepay';
import { startQrPayment } from './start-qr-payment';
import { StarsPreCheckout, approveStarsPreCheckout } from './stars-pre-checkout';
import { StarsPayment, recordStarsPayment } from './stars-payment';
import { syncRefunds } from './sync-refunds';
import { placeCheckout } from './place-checkout';
import { startCheckoutQr } from './checkout-qr';
import { getCheckout } from './checkout-details';
import { cancelSellerOrder, cancelUnconfirmedSellerOrders } from './cancel-seller-order';

export const PAYMENT_ERROR_CODES = ['PROVIDER_UNAVAILABLE', 'PRICE_CHANGED'] as const;
export type PaymentErrorCode = (typeof PAYMENT_ERROR_CODES)[number];

/** Money in and out: checkout (place and pay), QR payments at the providers, provider events, refunds, and their repairs. */
export function paymentContext(deps: PaymentDeps) {
  const eventFlights = new SingleFlight<EventOutcome>();
  const useCases = {
    /** The payment methods this shop takes right now (a QR method needs its provider). */
    enabledMethods: () => enabledMethods(deps.providers, deps.paymentMethods),
    /** Of those, the ones all these products may be paid by (credit packs never by credit; the shop's exceptions). */
    methodsFor: (products: readonly PaidProduct[]) =>
      methodsForProducts(enabledMethods(deps.providers, deps.paymentMethods), deps.paymentExceptions ?? {}, products),
    checkout: (cmd: PlaceOrder) => checkout(deps, cmd),
    getOrder: (orderNo: string, viewer: string | null) => getOrder(deps, orderNo, viewer),
    startQrPayment: (orderNo: string, shopperId?: string) => startQrPayment(deps, orderNo, shopperId),
    checkPayment: (orderNo: string, shopperId?: string) => checkPayment(deps, orderNo, shopperId),
    cancelOrder: (orderNo: string, reason: string, shopperId?: string) => cancelUnpaidOrder(deps, orderNo, reason, shopperId),
    applyProviderEvent: (event: ProviderEvent) => applyProviderEvent(deps, eventFlights, event),
    /** Telegram's pre_checkout_query for a Stars invoice: may it be paid (answered within Telegram's 10 s). */
    approveStarsPreCheckout: (ask: StarsPreCheckout) => approveStarsPreCheckout(deps, ask),
    /** Telegram's successful_payment: recorded once by its charge id, like any provider's payment. */
    recordStarsPayment: (payment: StarsPayment) => recordStarsPayment(deps, eventFlights, payment),
    refundOrder: (cmd: RefundCommand) => refundOrder(deps, cmd),
    executeRefund: (outRefundNo: string) => executeRefund(deps, outRefundNo),
    repairDroppedPayments: (batch: number) => repairDroppedPayments(deps, batch),
    closeExpiredOrders: (batch: number) => closeExpiredOrders(deps, batch),
    retryPrepay: (batch: number) => retryPrepay(deps, batch),
    syncRefunds: (batch: number) => syncRefunds(deps, batch),
    /** Several sellers in one go: one order per seller, one payment for the total. */
    placeCheckout: (cmd: PlaceCheckout) => placeCheckout(deps, cmd),
    getCheckout: (checkoutNo: string, viewer: string | null) => getCheckout(deps, checkoutNo, viewer),
    startCheckoutQr: (checkoutNo: string, shopperId?: string) => startCheckoutQr(deps, checkoutNo, shopperId),
    /** A seller refuses one of their paid orders: it is refunded, its share only, once. */
    cancelSellerOrder: (sellerId: number, orderNo: string, reason?: unknown) => cancelSellerOrder(deps, { sellerId }, orderNo, reason),
    cancelUnconfirmedSellerOrders: (batch: number) => cancelUnconfirmedSellerOrders(deps, batch),
  };
  return defineContext(useCases, {
    errorCodes: PAYMENT_ERROR_CODES,
    handlers: [
      handle(executeRefundTopic, async ({ outRefundNo }) => {
        const result = await useCases.executeRefund(outRefundNo);
        // Unreachable provider: the outbox retries with backoff (and refund sync asks again).
        return result.ok || result.error.code !== 'PROVIDER_UNAVAILABLE' ? done : retry(result.error.message);
      }),
    ],
  });
}
