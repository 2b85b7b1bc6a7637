import type { InlineQueryResultArticle } from 'telegraf/types';
import { resolveLanguage } from '../../../domain/account';
import { MAX_SEARCH_DEPTH } from '../../../domain/catalog';
import type { BotContext } from '../../bot-context';
import type { BotServices } from '../../bot-services';
import { formatMoney } from '../../format/money';
import { translator } from '../../i18n/translate';

/** Results per answer: Telegram takes at most 50; 20 keep the answer quick and the list scrolls for more. */
export const INLINE_PAGE_SIZE = 20;
const MAX_DESCRIPTION = 120;

const short = (text: string, max: number): string => ([...text].length <= max ? text : `${[...text].slice(0, max - 1).join('')}…`);

/**
 * `@bot 会员` in any chat: products matching the text (the catalog when empty) in the person's language, each one a
 * message with a button that opens the product in the bot (t.me/<bot>?start=p_<id>). `offset` is the page.
 */
export async function answerInlineSearch(ctx: BotContext, svc: BotServices): Promise<void> {
  const query = ctx.inlineQuery;
  if (!query) return;
  const lang = resolveLanguage(await svc.shop.account.preferredLanguage(String(query.from.id)), query.from.language_code);
  const t = translator(lang);
  const page = /^[1-9][0-9]{0,5}$/.test(query.offset) ? Number(query.offset) : 1;
  const text = query.query.trim();
  const found = await svc.shop.catalog.browseProducts({
    q: text === '' ? undefined : [...text].slice(0, 100).join(''),
    page,
    pageSize: INLINE_PAGE_SIZE,
    lang,
  });
  if (!found.ok) {
    await ctx.answerInlineQuery([], { cache_time: 5 });
    return;
  }
  const username = ctx.botInfo.username;
  const results: InlineQueryResultArticle[] = found.value.items.map((p) => {
    const price = formatMoney(p.price.amount, p.price.currency);
    return {
      type: 'article',
      id: `p${p.id}`,
      title: p.title,
      description: short(p.description === '' ? price : `${price} · ${p.description}`, MAX_DESCRIPTION),
      input_message_content: { message_text: `${p.title} — ${price}` },
      reply_markup: { inline_keyboard: [[{ text: t('inlineOpen'), url: `https://t.me/${username}?start=p_${p.id}` }]] },
      ...(p.photoUrl ? { thumbnail_url: p.photoUrl } : {}),
    };
  });
  const more = page * INLINE_PAGE_SIZE < Math.min(found.value.total, MAX_SEARCH_DEPTH);
  await ctx.answerInlineQuery(results, { cache_time: 30, is_personal: false, next_offset: more ? String(page + 1) : '' });
}
