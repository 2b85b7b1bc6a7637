import { CheckoutState, OrderState } from '../../../domain/ordering';
import { CheckoutQr, RefundRecord } from '../../../domain/payment';
import { presentOrder } from '../ordering/order-presenters';

const money = (amount: number, currency: string) => ({ amount, currency });

/** The checkout's QR: its code image is served under any of its seller orders' numbers (they share the one trade). */
export function presentCheckoutQr(publicBaseUrl: string, orders: readonly OrderState[], qr: CheckoutQr) {
  if (qr.status !== 'READY') return { status: 'RETRYING' as const, message: qr.message, expiresAt: qr.expiresAt.toISOString() };
  const first = orders[0];
  return {
    status: 'READY' as const,
    codeUrl: qr.codeUrl,
    qrUrl: `${publicBaseUrl}/v1/orders/${first ? first.orderNo : ''}/qr.png`,
    expiresAt: qr.expiresAt.toISOString(),
  };
}

export function presentCheckout(checkout: CheckoutState, orders: readonly OrderState[], refunds: readonly RefundRecord[] = []) {
  const refunded = refunds.filter((r) => r.kind === 'ORDER' && r.status === 'SUCCEEDED').reduce((n, r) => n + r.amount, 0);
  return {
    checkoutNo: checkout.checkoutNo,
    status: checkout.status,
    total: money(checkout.totalAmount, checkout.currency),
    paymentMethod: checkout.paymentMethod,
    createdAt: checkout.createdAt.toISOString(),
    expiresAt: checkout.expiresAt.toISOString(),
    paidAt: checkout.paidAt ? checkout.paidAt.toISOString() : null,
    orders: orders.map((o) => presentOrder(o)),
    ...(refunded > 0 ? { refunded: money(refunded, checkout.currency) } : {}),
  };
}
