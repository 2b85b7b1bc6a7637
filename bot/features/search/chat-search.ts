import type { BotContext } from '../../bot-context';
import type { BotServices } from '../../bot-services';
import { errorText } from '../../errors/error-replies';
import { formatMoney } from '../../format/money';
import { Button, button, inlineKeyboard } from '../../ui/keyboard';
import { answer, reply, show } from '../../ui/replies';

export const SEARCH_PAGE_SIZE = 8;
/** Longer text is not a search (an answer to a question the chat has moved on from, a pasted message). */
export const MAX_SEARCH_TEXT = 100;

/**
 * Plain text from a shopper is a search: a page of matching products, each a button that opens its card, with
 * paging. A new search is a new message; paging edits the list in place.
 */
export async function searchInChat(ctx: BotContext, svc: BotServices, query: string | undefined, page: number): Promise<void> {
  const { t } = ctx;
  if (query === undefined) {
    await answer(ctx, t('searchExpired'), { alert: true });
    return;
  }
  const result = await svc.shop.catalog.browseProducts({ q: query, page, pageSize: SEARCH_PAGE_SIZE, lang: ctx.lang });
  if (!result.ok) {
    if (ctx.callbackQuery) return answer(ctx, errorText(t, result.error), { alert: true });
    await reply(ctx, errorText(t, result.error));
    return;
  }
  const { items, total, totalCapped } = result.value;
  await answer(ctx);
  const back = [button(t('btnCatalog'), { k: 'catalog', page: 1 }), button(t('btnBack'), { k: 'menu' })];
  if (items.length === 0) {
    const text = t('searchNothing', { query });
    await (ctx.callbackQuery ? show(ctx, text, inlineKeyboard([back])) : reply(ctx, text, inlineKeyboard([back])));
    return;
  }
  const pages = Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE));
  const rows: Button[][] = items.map((p) => [button(`${p.title} — ${formatMoney(p.price.amount, p.price.currency)}`, { k: 'product', id: p.id })]);
  if (pages > 1) {
    rows.push([
      ...(page > 1 ? [button(t('btnPrev'), { k: 'searchPage', page: page - 1 })] : []),
      button(t('btnPage', { page, pages: totalCapped ? `${pages}+` : pages }), { k: 'searchPage', page }),
      ...(page < pages ? [button(t('btnNext'), { k: 'searchPage', page: page + 1 })] : []),
    ]);
  }
  rows.push(back);
  const text = t('searchResults', { query, total: totalCapped ? `${total}+` : total });
  await (ctx.callbackQuery ? show(ctx, text, inlineKeyboard(rows)) : reply(ctx, text, inlineKeyboard(rows)));
}
