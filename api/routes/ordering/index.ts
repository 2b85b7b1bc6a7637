import { OrderingErrorCode } from '../../../domain/ordering';
import { defineRoutes } from '../../context-routes';
import { adminOrderRoutes } from './admin-orders';
import { cartRoutes } from './cart';
import { orderRoutes } from './orders';
import { deliveryOptionRoutes } from './delivery-options';
import { receiptRoutes } from './receipts';
import { sellerOrderRoutes } from './seller-orders';

const ORDERING_STATUS: Record<OrderingErrorCode, number> = {
  ORDER_NOT_FOUND: 404,
  OUT_OF_STOCK: 409,
  IDEMPOTENCY_KEY_REUSED: 409,
  ORDER_CLOSED: 409,
  ORDER_NOT_PAYABLE: 409,
  ORDER_NOT_FULFILLABLE: 409,
  ORDER_NOT_CLOSABLE: 409,
  ORDER_NOT_REFUNDABLE: 409,
  AMOUNT_MISMATCH: 409,
  PAYMENT_METHOD_NOT_ALLOWED: 422,
  PAYMENT_METHOD_UNAVAILABLE: 422,
  CART_EMPTY: 422,
  CART_FULL: 422,
  TOO_MANY_UNPAID_ORDERS: 429,
  RESERVATION_LIMIT: 409,
  CANCEL_COOLDOWN: 429,
  CHECKOUT_REQUIRED: 422,
  DELIVERY_OPTION_REQUIRED: 422,
  ADDRESS_REQUIRED: 422,
  ORDER_NOT_CONFIRMABLE: 409,
  ORDER_NOT_CANCELLABLE: 409,
  ORDER_NOT_SHIPPABLE: 409,
  ORDER_NOT_RECEIVABLE: 409,
  TOO_MANY_DELIVERY_OPTIONS: 422,
};

/** Carts and orders; admins list orders and fulfil manual ones. */
export const orderingRoutes = defineRoutes(async (app, deps) => {
  await app.register(cartRoutes, deps);
  await app.register(orderRoutes, deps);
  await app.register(adminOrderRoutes, deps);
  await app.register(deliveryOptionRoutes, deps);
  await app.register(receiptRoutes, deps);
  await app.register(sellerOrderRoutes, deps);
}, ORDERING_STATUS);
