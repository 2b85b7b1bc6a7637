import { defineContext } from '../shared/context';
import { PageQuery } from '../shared/paging';
import { done, handle, retry } from '../shared/outbox/outbox-handler';
import { clearCart, putInCart, removeFromCart, viewCart } from './cart-use-cases';
import { deliverOrder, deliverOrderTopic, fulfilOrder } from './deliver-order';
import { deliveredCodesFor } from './delivered-codes';
import { listMyOrders, listOrders } from './order-queries';
import { OrderingDeps } from './ordering-deps';
import { OrderState } from './order-types';
import { retryDeliveries } from './retry-deliveries';

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
    deliveredCodesFor: (orders: readonly OrderState[]) => deliveredCodesFor(deps, orders),
    listMyOrders: (shopperId: string, query: PageQuery = {}) => listMyOrders(deps, shopperId, query),
    listOrders: (query: PageQuery & { status?: unknown }) => listOrders(deps, query),
    deliverOrder: (orderNo: string) => deliverOrder(deps, orderNo),
    fulfilOrder: (orderNo: string, note: string | null) => fulfilOrder(deps, orderNo, note),
    retryDeliveries: (batch: number) => retryDeliveries(deps, batch),
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
