import { randomBytes } from 'node:crypto';
import type { InlineKeyboardMarkup } from 'telegraf/types';
import type { CartView } from '../../domain/ordering';
import { formatMoney } from '../format/money';
import type { Translate } from '../i18n/translate';
import { button, inlineKeyboard } from '../ui/keyboard';

/**
 * A fresh nonce per cart screen: its checkout buttons carry it, so a double tap on the same button places one order
 * (same idempotency key), while a cart shown again after a change is a new checkout.
 */
export const newCheckoutNonce = (): string => randomBytes(5).toString('hex');

export const cartItemCount = (cart: CartView): number => cart.items.reduce((sum, i) => sum + i.quantity, 0);

export function cartScreen(t: Translate, cart: CartView): { text: string; markup: InlineKeyboardMarkup } {
  if (cart.items.length === 0) {
    return { text: t('cartEmpty'), markup: inlineKeyboard([[button(t('btnCatalog'), { k: 'catalog', page: 1 })]]) };
  }
  const lines = [t('cartTitle')];
  for (const item of cart.items) {
    const line = t('cartLine', { title: item.product.title, quantity: item.quantity, total: formatMoney(item.lineTotal, cart.currency) });
    lines.push(item.available ? line : `${line} ${t('cartUnavailable')}`);
  }
  lines.push('', t('cartTotal', { total: formatMoney(cart.total, cart.currency) }));
  const rows = cart.items.map((item) => [
    button('➖', { k: 'setQty', id: item.product.id, qty: item.quantity - 1 }),
    button(`${item.product.title} × ${item.quantity}`, { k: 'product', id: item.product.id }),
    button('➕', { k: 'setQty', id: item.product.id, qty: item.quantity + 1 }),
  ]);
  rows.push([button(t('btnClearCart'), { k: 'clearCart' }), button(t('btnCheckout'), { k: 'checkout', nonce: newCheckoutNonce() })]);
  rows.push([button(t('btnToCatalog'), { k: 'catalog', page: 1 })]);
  return { text: lines.join('\n'), markup: inlineKeyboard(rows) };
}
