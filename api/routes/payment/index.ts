import { PaymentErrorCode } from '../../../domain/payment';
import { defineRoutes } from '../../context-routes';
import { adminRefundRoutes } from './admin-refunds';
import { alipayNotificationRoutes } from './alipay-notifications';
import { checkoutRoutes } from './checkout';
import { checkoutsRoutes } from './checkouts';
import { paymentNotificationRoutes } from './notifications';
import { orderPaymentRoutes } from './order-payments';

const PAYMENT_STATUS: Record<PaymentErrorCode, number> = {
  PROVIDER_UNAVAILABLE: 503,
  PRICE_CHANGED: 409,
};

/** Checkout, a QR order's payment, the providers' callbacks, and admins' refunds. */
export const paymentRoutes = defineRoutes(async (app, deps) => {
  await app.register(checkoutRoutes, deps);
  await app.register(checkoutsRoutes, deps);
  await app.register(orderPaymentRoutes, deps);
  await app.register(paymentNotificationRoutes, deps);
  await app.register(alipayNotificationRoutes, deps);
  await app.register(adminRefundRoutes, deps);
}, PAYMENT_STATUS);
