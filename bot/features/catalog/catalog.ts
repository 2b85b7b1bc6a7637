import type { BotContext } from '../../bot-context';
import type { BotServices } from '../../bot-services';
import { errorText } from '../../errors/error-replies';
import { formatMoney } from '../../format/money';
import { Button, button, inlineKeyboard } from '../../ui/keyboard';
import { answer, chatIdOf, reply, show } from '../../ui/replies';
import { editCaption } from '../../ui/telegram-io';
import { cartItemCount } from '../../views/cart-view';
import { productCaption, productKeyboard } from '../../views/product-view';

export const CATALOG_PAGE_SIZE = 8;

export async function showCatalog(ctx: BotContext, svc: BotServices, page: number): Promise<void> {
  const { t } = ctx;
  let result = await svc.shop.catalog.browseProducts({ page, pageSize: CATALOG_PAGE_SIZE, lang: ctx.lang });
  if (!result.ok) return answer(ctx, errorText(t, result.error), { alert: true });
  const pages = Math.max(1, Math.ceil(result.value.total / CATALOG_PAGE_SIZE));
  if (result.value.items.length === 0 && page > pages) {
    // Products went away since this page was shown: land on the last page there is.
    result = await svc.shop.catalog.browseProducts({ page: pages, pageSize: CATALOG_PAGE_SIZE, lang: ctx.lang });
    if (!result.ok) return answer(ctx, errorText(t, result.error), { alert: true });
  }
  const { items, page: shown } = result.value;
  await answer(ctx);
  if (items.length === 0) {
    await show(ctx, t('catalogEmpty'), inlineKeyboard([[button(t('btnBack'), { k: 'menu' })]]));
    return;
  }
  const rows: Button[][] = items.map((p) => [button(`${p.title} — ${formatMoney(p.price.amount, p.price.currency)}`, { k: 'product', id: p.id })]);
  if (pages > 1) {
    rows.push([
      ...(shown > 1 ? [button(t('btnPrev'), { k: 'catalog', page: shown - 1 })] : []),
      button(t('btnPage', { page: shown, pages }), { k: 'catalog', page: shown }),
      ...(shown < pages ? [button(t('btnNext'), { k: 'catalog', page: shown + 1 })] : []),
    ]);
  }
  rows.push([button(t('btnCart'), { k: 'cart' }), button(t('btnBack'), { k: 'menu' })]);
  await show(ctx, t('catalogTitle', { page: shown, pages }), inlineKeyboard(rows));
}

/** A product card: always a new photo message (a text message cannot become a photo). */
export async function openProduct(ctx: BotContext, svc: BotServices, productId: number): Promise<void> {
  const found = await svc.shop.catalog.getProduct(productId, { lang: ctx.lang });
  if (!found.ok) {
    if (ctx.callbackQuery) return answer(ctx, errorText(ctx.t, found.error), { alert: true });
    await reply(ctx, errorText(ctx.t, found.error));
    return;
  }
  const product = found.value;
  const cart = await svc.shop.ordering.viewCart(ctx.userId);
  const inCart = cart.items.find((i) => i.product.id === product.id)?.quantity ?? 0;
  await answer(ctx);
  await svc.photos.send(
    ctx.telegram,
    chatIdOf(ctx),
    product,
    productCaption(ctx.t, product, inCart),
    productKeyboard(ctx.t, product, inCart, cartItemCount(cart)),
  );
}

/**
 * The card's add button carries the quantity the cart should end up with, so pressing the same button twice
 * (before the card is redrawn with the next number) changes nothing the second time.
 */
export async function addToCart(ctx: BotContext, svc: BotServices, productId: number, quantity: number): Promise<void> {
  const { t } = ctx;
  const result = await svc.shop.ordering.setCartQuantity(ctx.userId, productId, quantity);
  if (!result.ok) return answer(ctx, errorText(t, result.error), { alert: true });
  const cart = result.value;
  const item = cart.items.find((i) => i.product.id === productId);
  if (!item) return answer(ctx, t('productGone'), { alert: true });
  await answer(ctx, t('addedToCart', { title: item.product.title, count: item.quantity }));
  const message = ctx.callbackQuery?.message;
  if (message && 'photo' in message) {
    await editCaption(
      ctx.telegram,
      chatIdOf(ctx),
      message.message_id,
      productCaption(t, item.product, item.quantity),
      productKeyboard(t, item.product, item.quantity, cartItemCount(cart)),
    );
  }
}
