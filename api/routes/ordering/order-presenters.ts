import { CartView, OrderState } from '../../../domain/ordering';
import { OrderDetails } from '../../../domain/payment';
import { StuckOrder } from '../../../domain/reporting';

const money = (amount: number, currency: string) => ({ amount, currency });
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const presentCart = (cart: CartView) => ({
  items: cart.items.map((i) => ({
    productId: i.product.id,
    title: i.product.title,
    kind: i.product.kind,
    unitPrice: { amount: i.product.price.amount, currency: i.product.price.currency },
    quantity: i.quantity,
    lineTotal: money(i.lineTotal, cart.currency),
    available: i.available,
  })),
  total: money(cart.total, cart.currency),
});

export function presentOrder(o: OrderState, details?: Omit<OrderDetails, 'order'>, listedCodes?: string[]) {
  const codes = details ? details.deliveredCodes.map((c) => c.code) : (listedCodes ?? []);
  return {
    orderNo: o.orderNo,
    status: o.status,
    items: o.lines.map((l) => ({
      productId: l.productId,
      sku: l.sku,
      title: l.title,
      kind: l.kind,
      quantity: l.quantity,
      unitPrice: money(l.unitPrice, o.currency),
      lineTotal: money(l.lineTotal, o.currency),
      ...(l.discount > 0 ? { discount: money(l.discount, o.currency) } : {}),
      ...(l.kind === 'credit' && l.creditAmount !== null ? { credit: money(l.creditAmount * l.quantity, o.currency) } : {}),
    })),
    total: money(o.totalAmount, o.currency),
    ...(o.couponCode !== null ? { coupon: { code: o.couponCode, discount: money(o.discountAmount, o.currency) } } : {}),
    paymentMethod: o.paymentMethod,
    createdAt: o.createdAt.toISOString(),
    expiresAt: o.expiresAt.toISOString(),
    paidAt: iso(o.paidAt),
    deliveredAt: iso(o.deliveredAt),
    closedAt: iso(o.closedAt),
    ...(o.closeReason ? { closeReason: o.closeReason } : {}),
    ...(o.refundedAmount > 0 ? { refunded: money(o.refundedAmount, o.currency) } : {}),
    ...(o.fulfilmentNote ? { fulfilmentNote: o.fulfilmentNote } : {}),
    ...(codes.length > 0 ? { codes } : {}),
    ...(o.checkoutNo !== null ? marketplaceFields(o) : {}),
  };
}

/** A checkout's seller order: whose, under which checkout, its hold, delivery and shipment. */
const marketplaceFields = (o: OrderState) => ({
  sellerId: o.sellerId,
  ...(o.checkoutNo !== null ? { checkoutNo: o.checkoutNo } : {}),
  confirmBy: iso(o.confirmBy),
  ...(o.delivery
    ? { delivery: { name: o.delivery.name, fee: money(o.delivery.fee, o.currency), estimatedDays: o.delivery.estimatedDays, address: o.delivery.address } }
    : {}),
  ...(o.shipment
    ? {
        shipment: {
          carrier: o.shipment.carrier,
          trackingNo: o.shipment.trackingNo,
          shippedAt: o.shipment.shippedAt.toISOString(),
          receiveBy: o.shipment.receiveBy.toISOString(),
        },
      }
    : {}),
});

/** The admin view adds the shopper, delivery bookkeeping and payments. */
export const presentOrderForAdmin = (o: OrderState, details?: Omit<OrderDetails, 'order'>) => ({
  ...presentOrder(o, details),
  userId: o.userId,
  deliveryAttempts: o.deliveryAttempts,
  nextDeliveryAt: iso(o.nextDeliveryAt),
  lastDeliveryError: o.lastDeliveryError,
  ...(details
    ? {
        payments: details.payments.map((p) => ({
          provider: p.provider,
          outTradeNo: p.outTradeNo,
          status: p.status,
          amount: money(p.amount, p.currency),
          transactionId: p.transactionId,
          paidAt: iso(p.paidAt),
        })),
      }
    : {}),
});

export const presentStuckOrder = (s: StuckOrder) => ({
  reason: s.reason,
  since: s.since.toISOString(),
  detail: s.detail,
  refund: s.refund
    ? {
        outRefundNo: s.refund.outRefundNo,
        amount: money(s.refund.amount, s.refund.currency),
        status: s.refund.status,
        lastError: s.refund.lastError,
        createdAt: s.refund.createdAt.toISOString(),
      }
    : null,
  order: presentOrderForAdmin(s.order),
});
