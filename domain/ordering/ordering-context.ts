import { defineContext } from '../shared/context';
import { PageQuery } from '../shared/paging';
import { done, handle, retry } from '../shared/outbox/outbox-handler';
import { clearCart, putInCart, removeFromCart, viewCart } from './cart-use-cases';
import { deliverOrder, deliverOrderTopic, fulfilOrder } from './deliver-order';
import { deliveredCodesFor } from './delivered-codes';
import { listMyOrders, listOrders } from './order-queries';
import { OrderingDeps } from './ordering-deps';
import { OrderState } from './order-types';
import { PreviewCoupon, previewCoupon } from './preview-coupon';
import { retryDeliveries } from './retry-deliveries';
import { addDeliveryOption, listDeliveryOptions, removeDeliveryOption } from './manage-delivery-options';
import {
  ShipCommand,
  completeShippedOrders,
  confirmReceipt,
  confirmSellerOrder,
  fulfilSellerOrder,
  getSellerOrder,
  listSellerOrders,
  shipSellerOrder,
} from './seller-orders';

export const ORDERING_ERROR_CODES = [
  'ORDER_NOT_FOUND',
  'OUT_OF_STOCK',
  'TOO_MANY_UNPAID_ORDERS',
  'RESERVATION_LIMIT',
  'CANCEL_COOLDOWN',
  'IDEMPOTENCY_KEY_REUSED',
  'ORDER_CLOSED',
  'ORDER_NOT_PAYABLE',
  'ORDER_NOT_FULFILLABLE',
  'ORDER_NOT_CLOSABLE',
  'ORDER_NOT_REFUNDABLE',
  'AMOUNT_MISMATCH',
  'PAYMENT_METHOD_NOT_ALLOWED',
  'PAYMENT_METHOD_UNAVAILABLE',
  'CART_EMPTY',
  'CART_FULL',
  'CHECKOUT_REQUIRED',
  'DELIVERY_OPTION_REQUIRED',
  'ADDRESS_REQUIRED',
  'ORDER_NOT_CONFIRMABLE',
  'ORDER_NOT_CANCELLABLE',
  'ORDER_NOT_SHIPPABLE',
  'ORDER_NOT_RECEIVABLE',
  'TOO_MANY_DELIVERY_OPTIONS',
] as const;
export type OrderingErrorCode = (typeof ORDERING_ERROR_CODES)[number];

/** Carts, orders and their life (the state machine), and delivery. Placing and paying is payment's `checkout`. */
export function orderingContext(deps: OrderingDeps) {
  const useCases = {
    viewCart: (shopperId: string) => viewCart(deps, shopperId),
    addToCart: (shopperId: string, productId: unknown, quantity: unknown) => putInCart(deps, shopperId, productId, quantity, 'add'),
    setCartQuantity: (shopperId: string, productId: unknown, quantity: unknown) => putInCart(deps, shopperId, productId, quantity, 'set'),
    removeFromCart: (shopperId: string, productId: number) => removeFromCart(deps, shopperId, productId),
    clearCart: (shopperId: string) => clearCart(deps, shopperId),
    previewCoupon: (cmd: PreviewCoupon) => previewCoupon(deps, cmd),
    deliveredCodesFor: (orders: readonly OrderState[]) => deliveredCodesFor(deps, orders),
    listMyOrders: (shopperId: string, query: PageQuery = {}) => listMyOrders(deps, shopperId, query),
    listOrders: (query: PageQuery & { status?: unknown }) => listOrders(deps, query),
    deliverOrder: (orderNo: string) => deliverOrder(deps, orderNo),
    fulfilOrder: (orderNo: string, note: string | null) => fulfilOrder(deps, orderNo, note),
    retryDeliveries: (batch: number) => retryDeliveries(deps, batch),
    listDeliveryOptions: (sellerId: number) => listDeliveryOptions(deps, sellerId),
    addDeliveryOption: (sellerId: number, input: { name?: unknown; fee?: unknown; estimatedDays?: unknown }) => addDeliveryOption(deps, sellerId, input),
    removeDeliveryOption: (sellerId: number, optionId: number) => removeDeliveryOption(deps, sellerId, optionId),
    listSellerOrders: (sellerId: number, query: PageQuery & { status?: unknown }) => listSellerOrders(deps, sellerId, query),
    getSellerOrder: (sellerId: number, orderNo: string) => getSellerOrder(deps, sellerId, orderNo),
    confirmSellerOrder: (sellerId: number, orderNo: string) => confirmSellerOrder(deps, sellerId, orderNo),
    fulfilSellerOrder: (sellerId: number, orderNo: string, note?: unknown) => fulfilSellerOrder(deps, sellerId, orderNo, note),
    shipSellerOrder: (sellerId: number, orderNo: string, cmd: ShipCommand) => shipSellerOrder(deps, sellerId, orderNo, cmd),
    confirmReceipt: (shopperId: string, orderNo: string) => confirmReceipt(deps, shopperId, orderNo),
    completeShippedOrders: (batch: number) => completeShippedOrders(deps, batch),
    /** The shop's one currency (delivery fees are in it). */
    currency: () => deps.limits.currency,
  };
  return defineContext(useCases, {
    errorCodes: ORDERING_ERROR_CODES,
    handlers: [
      handle(deliverOrderTopic, async ({ orderNo }) => {
        const result = await useCases.deliverOrder(orderNo);
        // A failed attempt is already scheduled on the order itself (retry-deliveries); only a missing order retries here.
        return result.ok || result.error.code !== 'ORDER_NOT_FOUND' ? done : retry(result.error.message);
      }),
    ],
  });
}
