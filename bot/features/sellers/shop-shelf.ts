import type { BotContext } from '../../bot-context';
import type { BotServices } from '../../bot-services';
import { errorText } from '../../errors/error-replies';
import { formatMoney } from '../../format/money';
import { Button, button, inlineKeyboard } from '../../ui/keyboard';
import { answer, show } from '../../ui/replies';

const PAGE_SIZE = 8;

/** One shop's assortment for shoppers: its visible products, paged (a shop that is not active is not found). */
export async function showShop(ctx: BotContext, svc: BotServices, sellerId: number, page: number): Promise<void> {
  const seller = await svc.shop.sellers.getActiveSeller(sellerId);
  if (!seller.ok) return answer(ctx, errorText(ctx.t, seller.error), { alert: true });
  const result = await svc.shop.catalog.browseProducts({ sellerId, page, pageSize: PAGE_SIZE, lang: ctx.lang });
  if (!result.ok) return answer(ctx, errorText(ctx.t, result.error), { alert: true });
  await answer(ctx);
  const { items, total } = result.value;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const rows: Button[][] = items.map((p) => [button(`${p.title} — ${formatMoney(p.price.amount, p.price.currency)}`, { k: 'product', id: p.id })]);
  if (pages > 1)
    rows.push([
      ...(page > 1 ? [button(ctx.t('btnPrev'), { k: 'shop', id: sellerId, page: page - 1 })] : []),
      button(ctx.t('btnPage', { page, pages }), { k: 'shop', id: sellerId, page }),
      ...(page < pages ? [button(ctx.t('btnNext'), { k: 'shop', id: sellerId, page: page + 1 })] : []),
    ]);
  rows.push([button(ctx.t('btnCart'), { k: 'cart' }), button(ctx.t('btnToCatalog'), { k: 'catalog', page: 1 })]);
  const name = seller.value.shopName;
  await show(
    ctx,
    items.length === 0 ? ctx.t('shopEmpty', { name }) : ctx.t('shopTitle', { name, page, pages, description: seller.value.description }),
    inlineKeyboard(rows),
  );
}
