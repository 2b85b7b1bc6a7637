import type { InlineKeyboardMarkup } from 'telegraf/types';
import type { Product } from '../../domain/catalog';
import type { ProductReviews } from '../../domain/reviews';
import { STARS_CURRENCY } from '../../domain/ordering';
import { formatMoney } from '../format/money';
import type { Translate } from '../i18n/translate';
import { button, inlineKeyboard } from '../ui/keyboard';

/** Whether one more unit can go into the cart as far as the card knows; the cart use case decides for real. */
const canAddOne = (product: Product, inCart: number): boolean => product.stock === null || product.stock > inCart;

/** A review's words on a card: one line each, short, so three of them never push the caption past Telegram's limit. */
const REVIEW_SNIPPET = 80;

/** `shopName`: the shop that sells it (shown on every card; absent when its shop is not active). */
export function productCaption(t: Translate, product: Product, inCart: number, shopName?: string, reviews?: ProductReviews): string {
  const currency = product.price.currency;
  const price = formatMoney(product.price.amount, currency);
  // A product also sold for Telegram Stars says so (the Stars button appears at checkout only when it applies).
  const priced =
    product.starsPrice === null ? t('productPrice', { price }) : t('productPriceStars', { price, stars: formatMoney(product.starsPrice, STARS_CURRENCY) });
  const lines = [product.title, priced];
  if (shopName !== undefined) lines.push(t('productShop', { name: shopName }));
  if (product.stock === null) lines.push(t('productInStock'));
  else lines.push(product.stock > 0 ? t('productStock', { count: product.stock }) : t('productSoldOut'));
  if (product.kind === 'credit' && product.creditAmount !== null) lines.push(t('productCredit', { credit: formatMoney(product.creditAmount, currency) }));
  if (inCart > 0) lines.push(t('productInCart', { count: inCart }));
  if (product.description.trim() !== '') lines.push('', product.description.trim());
  if (reviews && reviews.count > 0 && reviews.average !== null) {
    lines.push('', t('productRating', { average: reviews.average.toFixed(1), count: reviews.count }));
    for (const review of reviews.recent) {
      const text = review.text.length > REVIEW_SNIPPET ? `${review.text.slice(0, REVIEW_SNIPPET - 1)}…` : review.text;
      lines.push(t('productReviewLine', { stars: '★'.repeat(review.rating), author: review.authorName, text: text || '—' }));
    }
  }
  return lines.join('\n');
}

export function productKeyboard(t: Translate, product: Product, inCart: number, cartCount: number, shopName?: string): InlineKeyboardMarkup {
  return inlineKeyboard([
    canAddOne(product, inCart) ? [button(inCart > 0 ? t('btnAddOneMore') : t('btnAddToCart'), { k: 'addToCart', id: product.id, qty: inCart + 1 })] : [],
    // Sold out: the shopper can ask to be told once when it is back.
    product.stock === 0 ? [button(t('btnNotifyMe'), { k: 'notifyMe', id: product.id })] : [],
    // The rest of that shop's assortment.
    shopName !== undefined ? [button(t('btnShop', { name: shopName }), { k: 'shop', id: product.sellerId, page: 1 })] : [],
    [button(cartCount > 0 ? t('btnCartCount', { count: cartCount }) : t('btnCart'), { k: 'cart' }), button(t('btnToCatalog'), { k: 'catalog', page: 1 })],
  ]);
}
