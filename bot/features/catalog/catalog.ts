import type { BotContext } from '../../bot-context';
import type { BotServices } from '../../bot-services';
import type { Action } from '../../callback-data';
import { errorText } from '../../errors/error-replies';
import { formatMoney } from '../../format/money';
import { Button, button, inlineKeyboard } from '../../ui/keyboard';
import { answer, chatIdOf, reply, show } from '../../ui/replies';
import { editCaption } from '../../ui/telegram-io';
import { cartItemCount } from '../../views/cart-view';
import { productCaption, productKeyboard } from '../../views/product-view';

export const CATALOG_PAGE_SIZE = 8;

/** The whole catalog, paged, with the top-level categories above it when the shop has any. */
export async function showCatalog(ctx: BotContext, svc: BotServices, page: number): Promise<void> {
  const tree = await svc.shop.catalog.listCategories();
  const shelves = tree.filter((c) => c.parentId === null).map((c) => [button(c.name, { k: 'category', id: c.id, page: 1 })]);
  await showShelf(ctx, svc, page, {
    category: undefined,
    shelves,
    title: (shown, pages) => ctx.t('catalogTitle', { page: shown, pages }),
    empty: ctx.t('catalogEmpty'),
    pageButton: (p) => ({ k: 'catalog', page: p }),
    back: { k: 'menu' },
  });
}

/** One category: its subcategories, then the products in it and below it, paged. */
export async function showCategory(ctx: BotContext, svc: BotServices, categoryId: number, page: number): Promise<void> {
  const tree = await svc.shop.catalog.listCategories();
  const category = tree.find((c) => c.id === categoryId);
  if (!category) return showCatalog(ctx, svc, 1);
  const shelves = tree.filter((c) => c.parentId === category.id).map((c) => [button(c.name, { k: 'category', id: c.id, page: 1 })]);
  await showShelf(ctx, svc, page, {
    category: category.id,
    shelves,
    title: (shown, pages) => ctx.t('categoryTitle', { name: category.name, page: shown, pages }),
    empty: ctx.t('categoryEmpty', { name: category.name }),
    pageButton: (p) => ({ k: 'category', id: category.id, page: p }),
    back: category.parentId === null ? { k: 'catalog', page: 1 } : { k: 'category', id: category.parentId, page: 1 },
  });
}

interface Shelf {
  category: number | undefined;
  shelves: Button[][];
  title: (shown: number, pages: number) => string;
  empty: string;
  pageButton: (page: number) => Action;
  back: Action;
}

async function showShelf(ctx: BotContext, svc: BotServices, page: number, shelf: Shelf): Promise<void> {
  const { t } = ctx;
  const browse = (p: number) => svc.shop.catalog.browseProducts({ category: shelf.category, page: p, pageSize: CATALOG_PAGE_SIZE, lang: ctx.lang });
  let result = await browse(page);
  if (!result.ok) return answer(ctx, errorText(t, result.error), { alert: true });
  const pages = Math.max(1, Math.ceil(result.value.total / CATALOG_PAGE_SIZE));
  if (result.value.items.length === 0 && page > pages) {
    // Products went away since this page was shown: land on the last page there is.
    result = await browse(pages);
    if (!result.ok) return answer(ctx, errorText(t, result.error), { alert: true });
  }
  const { items, page: shown } = result.value;
  await answer(ctx);
  if (items.length === 0 && shelf.shelves.length === 0) {
    await show(ctx, shelf.empty, inlineKeyboard([[button(t('btnBack'), shelf.back)]]));
    return;
  }
  const rows: Button[][] = shown === 1 ? [...shelf.shelves] : [];
  rows.push(...items.map((p) => [button(`${p.title} — ${formatMoney(p.price.amount, p.price.currency)}`, { k: 'product', id: p.id })]));
  if (pages > 1) {
    rows.push([
      ...(shown > 1 ? [button(t('btnPrev'), shelf.pageButton(shown - 1))] : []),
      button(t('btnPage', { page: shown, pages }), shelf.pageButton(shown)),
      ...(shown < pages ? [button(t('btnNext'), shelf.pageButton(shown + 1))] : []),
    ]);
  }
  rows.push([button(t('btnCart'), { k: 'cart' }), button(t('btnBack'), shelf.back)]);
  await show(ctx, shelf.title(shown, pages), inlineKeyboard(rows));
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
  const [cart, reviews] = await Promise.all([svc.shop.ordering.viewCart(ctx.userId), svc.shop.reviews.productReviews(product.id)]);
  const inCart = cart.items.find((i) => i.product.id === product.id)?.quantity ?? 0;
  const shopName = (await svc.shop.sellers.sellerNames([product.sellerId])).get(product.sellerId);
  await answer(ctx);
  await svc.photos.send(
    ctx.telegram,
    chatIdOf(ctx),
    product,
    productCaption(ctx.t, product, inCart, shopName, reviews),
    productKeyboard(ctx.t, product, inCart, cartItemCount(cart), shopName),
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
    const [names, reviews] = await Promise.all([svc.shop.sellers.sellerNames([item.product.sellerId]), svc.shop.reviews.productReviews(productId)]);
    const shopName = names.get(item.product.sellerId);
    await editCaption(
      ctx.telegram,
      chatIdOf(ctx),
      message.message_id,
      productCaption(t, item.product, item.quantity, shopName, reviews),
      productKeyboard(t, item.product, item.quantity, cartItemCount(cart), shopName),
    );
  }
}
