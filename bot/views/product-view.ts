import type { InlineKeyboardMarkup } from 'telegraf/types';
import type { Product } from '../../domain/catalog';
import { formatMoney } from '../format/money';
import type { Translate } from '../i18n/translate';
import { button, inlineKeyboard } from '../ui/keyboard';

/** Whether one more unit can go into the cart as far as the card knows; the cart use case decides for real. */
const canAddOne = (product: Product, inCart: number): boolean => product.stock === null || product.stock > inCart;

/** `shopName`: the shop that sells it (shown on every card; absent when its shop is not active). */
export function productCaption(t: Translate, product: Product, inCart: number, shopName?: string): string {
  const currency = product.price.currency;
  const lines = [product.title, t('productPrice', { price: formatMoney(product.price.amount, currency) })];
  if (shopName !== undefined) lines.push(t('productShop', { name: shopName }));
  if (product.stock === null) lines.push(t('productInStock'));
  else lines.push(product.stock > 0 ? t('productStock', { count: product.stock }) : t('productSoldOut'));
  if (product.kind === 'credit' && product.creditAmount !== null) lines.push(t('productCredit', { credit: formatMoney(product.creditAmount, currency) }));
  if (inCart > 0) lines.push(t('productInCart', { count: inCart }));
  if (product.description.trim() !== '') lines.push('', product.description.trim());
  return lines.join('\n');
}

export function productKeyboard(t: Translate, product: Product, inCart: number, cartCount: number, shopName?: string): InlineKeyboardMarkup {
  return inlineKeyboard([
    canAddOne(product, inCart) ? [button(inCart > 0 ? t('btnAddOneMore') : t('btnAddToCart'), { k: 'addToCart', id: product.id, qty: inCart + 1 })] : [],
    // The rest of that shop's assortment.
    shopName !== undefined ? [button(t('btnShop', { name: shopName }), { k: 'shop', id: product.sellerId, page: 1 })] : [],
    [button(cartCount > 0 ? t('btnCartCount', { count: cartCount }) : t('btnCart'), { k: 'cart' }), button(t('btnToCatalog'), { k: 'catalog', page: 1 })],
  ]);
}
