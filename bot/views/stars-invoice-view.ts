import type { OrderState } from '../../domain/ordering';
import { formatMoney } from '../format/money';
import { formatTime } from '../format/time';
import type { Translate } from '../i18n/translate';

/** Telegram's limits on an invoice: title 1–32 characters, description 1–255, a price label (kept short). */
const clip = (text: string, max: number): string => [...text].slice(0, max).join('');

const itemsOf = (order: OrderState): string => {
  const [first, ...rest] = order.lines;
  if (first === undefined) return order.orderNo;
  return rest.length > 0 ? `${first.title} +${rest.length}` : `${first.title}${first.quantity > 1 ? ` ×${first.quantity}` : ''}`;
};

/**
 * The Stars invoice of an order, in the chat's language: one price (the order's total in stars), our order number as
 * the payload (what pre-checkout and the payment name), no provider token (Stars are paid to the bot).
 */
export function starsInvoiceOf(t: Translate, order: OrderState, utcOffsetMinutes: number) {
  const items = itemsOf(order);
  return {
    title: clip(t('starsInvoiceTitle', { orderNo: order.orderNo }), 32),
    description: clip(
      t('starsInvoiceDescription', { items, amount: formatMoney(order.totalAmount, order.currency), expiry: formatTime(order.expiresAt, utcOffsetMinutes) }),
      255,
    ),
    payload: order.orderNo,
    provider_token: '',
    currency: order.currency,
    prices: [{ label: clip(t('starsInvoiceLabel', { items }), 32), amount: order.totalAmount }],
  };
}
