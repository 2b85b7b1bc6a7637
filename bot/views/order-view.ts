import type { InlineKeyboardMarkup } from 'telegraf/types';
import type { OrderDetails } from '../../domain/payment';
import type { OrderState } from '../../domain/ordering';
import { isPayable } from '../../domain/ordering';
import { formatMoney } from '../format/money';
import { formatTime } from '../format/time';
import type { TextKey, Translate } from '../i18n/translate';
import { Button, button, inlineKeyboard } from '../ui/keyboard';

const amountOf = (order: OrderState): string => formatMoney(order.totalAmount, order.currency);

export const statusText = (t: Translate, order: OrderState): string => t(`status_${order.status}` as TextKey);

export function qrCaption(t: Translate, order: OrderState, utcOffsetMinutes: number): string {
  return t(order.paymentMethod === 'alipay' ? 'qrCaptionAlipay' : 'qrCaption', {
    amount: amountOf(order),
    orderNo: order.orderNo,
    expiry: formatTime(order.expiresAt, utcOffsetMinutes),
  });
}

export function qrKeyboard(t: Translate, orderNo: string): InlineKeyboardMarkup {
  return inlineKeyboard([[button(t('btnCheckPayment'), { k: 'checkPayment', orderNo }), button(t('btnCancelOrder'), { k: 'cancelOrder', orderNo })]]);
}

export function retryingText(t: Translate, order: OrderState, utcOffsetMinutes: number): string {
  return t('paymentRetrying', { orderNo: order.orderNo, amount: amountOf(order), expiry: formatTime(order.expiresAt, utcOffsetMinutes) });
}

export function retryKeyboard(t: Translate, orderNo: string): InlineKeyboardMarkup {
  return inlineKeyboard([[button(t('btnRetry'), { k: 'showQr', orderNo }), button(t('btnCancelOrder'), { k: 'cancelOrder', orderNo })]]);
}

/**
 * What the order's own message says once the order has moved on (paid, delivered, closed, refunded): one function of
 * the order's state, so the bot and the notifier write the same words and a repeated notice changes nothing.
 */
export function orderStateText(t: Translate, order: OrderState, utcOffsetMinutes: number, opts: { awaitingFulfilment?: boolean } = {}): string {
  const params = { orderNo: order.orderNo, amount: amountOf(order) };
  switch (order.status) {
    case 'CREATED':
    case 'AWAITING_PAYMENT':
      return t('stateAwaitingPayment', { ...params, expiry: formatTime(order.expiresAt, utcOffsetMinutes) });
    case 'AWAITING_SELLER':
      return t('stateAwaitingSeller', { ...params, deadline: order.confirmBy ? formatTime(order.confirmBy, utcOffsetMinutes) : '—' });
    case 'PAID':
      return opts.awaitingFulfilment ? t('stateAwaitingFulfilment', params) : t('statePaid', params);
    case 'SHIPPED':
      return t('stateShipped', {
        ...params,
        carrier: order.shipment?.carrier ?? '',
        trackingNo: order.shipment?.trackingNo ?? '',
        receiveBy: order.shipment ? formatTime(order.shipment.receiveBy, utcOffsetMinutes) : '—',
      });
    case 'DELIVERED':
      return t('stateDelivered', params);
    case 'CLOSED':
      return t('stateClosed', params);
    case 'REFUNDING':
      return t('stateRefunding', params);
    case 'REFUNDED':
    case 'PARTIALLY_REFUNDED':
      return t('stateRefunded', { ...params, refunded: formatMoney(order.refundedAmount, order.currency) });
  }
}

/** What was handed over: the codes per line, the credit added, a fulfilment note. */
export function deliveryLines(t: Translate, details: OrderDetails): string[] {
  const { order, deliveredCodes } = details;
  const lines: string[] = [];
  for (const line of order.lines) {
    lines.push(t('deliveryItem', { title: line.title, quantity: line.quantity }));
    if (line.kind === 'credit' && line.creditAmount !== null)
      lines.push(t('deliveryCredit', { credit: formatMoney(line.creditAmount * line.quantity, order.currency) }));
    const codes = deliveredCodes.filter((c) => c.productId === line.productId).map((c) => c.code);
    if (codes.length > 0) lines.push(t('deliveryCodes', { title: line.title }), ...codes);
  }
  if (order.fulfilmentNote) lines.push(t('deliveryNote', { note: order.fulfilmentNote }));
  return lines;
}

export function orderDetailsText(t: Translate, details: OrderDetails, utcOffsetMinutes: number): string {
  const { order } = details;
  const head = t('orderDetails', {
    orderNo: order.orderNo,
    placedAt: formatTime(order.createdAt, utcOffsetMinutes),
    status: statusText(t, order),
    amount: amountOf(order),
  });
  const body =
    order.status === 'DELIVERED' || details.deliveredCodes.length > 0
      ? deliveryLines(t, details)
      : order.lines.map((l) => t('deliveryItem', { title: l.title, quantity: l.quantity }));
  return [head, '', ...body].join('\n');
}

export function orderDetailsKeyboard(t: Translate, order: OrderState, now: Date, more: Button[][] = []): InlineKeyboardMarkup {
  const payable = isPayable(order, now);
  return inlineKeyboard([
    ...more,
    payable && order.paymentMethod !== 'credit'
      ? [button(t('btnPay'), { k: 'showQr', orderNo: order.orderNo }), button(t('btnCancelOrder'), { k: 'cancelOrder', orderNo: order.orderNo })]
      : [],
    [button(t('btnContactSupport'), { k: 'supportForOrder', orderNo: order.orderNo }), button(t('btnMyOrders'), { k: 'myOrders', page: 1 })],
  ]);
}
