import { minor } from '../../../domain/shared/money';
import { PRODUCT_KINDS } from '../../../domain/catalog';
import { ORDER_STATUSES, OrderChanges, OrderLine, OrderState, PAYMENT_METHODS, Shipment } from '../../../domain/ordering';
import { oneOf, toDate, toDateOrNull, toMs, toMsOrNull, minorOrNull } from '../columns';
import { OrderLineRow } from './order-line-entity';
import { OrderRow } from './order-entity';

export const orderLineFromRow = (row: OrderLineRow): OrderLine => ({
  lineNo: row.line_no,
  productId: row.product_id,
  sku: row.sku,
  title: row.title,
  kind: oneOf(PRODUCT_KINDS, row.kind, 'order_lines.kind'),
  unitPrice: minor(row.unit_price),
  quantity: row.quantity,
  lineTotal: minor(row.line_total),
  discount: minor(Number(row.discount ?? 0)),
  creditAmount: minorOrNull(row.credit_amount),
  webhookUrl: row.webhook_url,
});

export const orderLineRow = (orderNo: string, line: OrderLine): OrderLineRow => ({
  order_no: orderNo,
  line_no: line.lineNo,
  product_id: line.productId,
  sku: line.sku,
  title: line.title,
  kind: line.kind,
  unit_price: line.unitPrice,
  quantity: line.quantity,
  line_total: line.lineTotal,
  discount: line.discount,
  credit_amount: line.creditAmount,
  webhook_url: line.webhookUrl,
});

export const orderFromRow = (row: OrderRow, lines: OrderLineRow[]): OrderState => ({
  orderNo: row.order_no,
  userId: row.user_id,
  status: oneOf(ORDER_STATUSES, row.status, 'orders.status'),
  currency: row.currency,
  totalAmount: minor(row.total_amount),
  paymentMethod: oneOf(PAYMENT_METHODS, row.payment_method, 'orders.payment_method'),
  lines: lines.map(orderLineFromRow).sort((a, b) => a.lineNo - b.lineNo),
  couponCode: row.coupon_code ?? null,
  discountAmount: minor(Number(row.discount_amount ?? 0)),
  idempotencyKey: row.idempotency_key,
  requestHash: row.request_hash,
  itemsKey: row.items_key,
  createdAt: toDate(row.created_at),
  expiresAt: toDate(row.expires_at),
  paidAt: toDateOrNull(row.paid_at),
  deliveredAt: toDateOrNull(row.delivered_at),
  closedAt: toDateOrNull(row.closed_at),
  closeReason: row.close_reason,
  deliveryAttempts: row.delivery_attempts,
  nextDeliveryAt: toDateOrNull(row.next_delivery_at),
  lastDeliveryError: row.last_delivery_error,
  refundedAmount: minor(row.refunded_amount),
  fulfilmentNote: row.fulfilment_note,
  sellerId: row.seller_id,
  checkoutNo: row.checkout_no,
  confirmWindowMinutes: row.confirm_window_minutes,
  confirmBy: toDateOrNull(row.confirm_by),
  delivery:
    row.delivery_option_id === null
      ? null
      : {
          optionId: row.delivery_option_id,
          name: row.delivery_name ?? '',
          fee: minor(row.delivery_fee ?? 0),
          estimatedDays: row.delivery_days ?? 0,
          address: row.shipping_address ?? '',
        },
  shipment: shipmentFromRow(row),
});

const shipmentFromRow = (row: OrderRow): Shipment | null =>
  row.shipped_at === null || row.receive_by === null
    ? null
    : { carrier: row.carrier ?? '', trackingNo: row.tracking_no ?? '', shippedAt: toDate(row.shipped_at), receiveBy: toDate(row.receive_by) };

const shipmentColumns = (shipment: Shipment | null): Pick<OrderRow, 'carrier' | 'tracking_no' | 'shipped_at' | 'receive_by'> => ({
  carrier: shipment?.carrier ?? null,
  tracking_no: shipment?.trackingNo ?? null,
  shipped_at: toMsOrNull(shipment?.shippedAt),
  receive_by: toMsOrNull(shipment?.receiveBy),
});

export const orderRow = (order: OrderState): OrderRow => ({
  order_no: order.orderNo,
  user_id: order.userId,
  status: order.status,
  currency: order.currency,
  total_amount: order.totalAmount,
  payment_method: order.paymentMethod,
  coupon_code: order.couponCode,
  discount_amount: order.discountAmount,
  idempotency_key: order.idempotencyKey,
  request_hash: order.requestHash,
  items_key: order.itemsKey,
  created_at: toMs(order.createdAt),
  expires_at: toMs(order.expiresAt),
  paid_at: toMsOrNull(order.paidAt),
  delivered_at: toMsOrNull(order.deliveredAt),
  closed_at: toMsOrNull(order.closedAt),
  close_reason: order.closeReason,
  delivery_attempts: order.deliveryAttempts,
  next_delivery_at: toMsOrNull(order.nextDeliveryAt),
  last_delivery_error: order.lastDeliveryError,
  refunded_amount: order.refundedAmount,
  fulfilment_note: order.fulfilmentNote,
  seller_id: order.sellerId,
  checkout_no: order.checkoutNo,
  confirm_window_minutes: order.confirmWindowMinutes,
  confirm_by: toMsOrNull(order.confirmBy),
  delivery_option_id: order.delivery?.optionId ?? null,
  delivery_name: order.delivery?.name ?? null,
  delivery_fee: order.delivery?.fee ?? null,
  delivery_days: order.delivery?.estimatedDays ?? null,
  shipping_address: order.delivery?.address ?? null,
  ...shipmentColumns(order.shipment),
});

/** The columns a transition sets besides the status; a key that is absent (undefined) is left alone. */
export function orderColumnsFromChanges(changes: OrderChanges): Partial<OrderRow> {
  const columns: Partial<OrderRow> = {};
  if (changes.paidAt !== undefined) columns.paid_at = toMsOrNull(changes.paidAt);
  if (changes.deliveredAt !== undefined) columns.delivered_at = toMsOrNull(changes.deliveredAt);
  if (changes.closedAt !== undefined) columns.closed_at = toMsOrNull(changes.closedAt);
  if (changes.closeReason !== undefined) columns.close_reason = changes.closeReason;
  if (changes.deliveryAttempts !== undefined) columns.delivery_attempts = changes.deliveryAttempts;
  if (changes.nextDeliveryAt !== undefined) columns.next_delivery_at = toMsOrNull(changes.nextDeliveryAt);
  if (changes.lastDeliveryError !== undefined) columns.last_delivery_error = changes.lastDeliveryError;
  if (changes.refundedAmount !== undefined) columns.refunded_amount = changes.refundedAmount;
  if (changes.fulfilmentNote !== undefined) columns.fulfilment_note = changes.fulfilmentNote;
  if (changes.expiresAt !== undefined) columns.expires_at = toMs(changes.expiresAt);
  if (changes.confirmBy !== undefined) columns.confirm_by = toMsOrNull(changes.confirmBy);
  if (changes.shipment !== undefined) Object.assign(columns, shipmentColumns(changes.shipment));
  return columns;
}
