import type { BotContext } from '../../bot-context';
import type { BotServices } from '../../bot-services';
import { errorText } from '../../errors/error-replies';
import { formatMoney } from '../../format/money';
import { MAX_MESSAGE_LENGTH } from '../../format/telegram-limits';
import { button, inlineKeyboard } from '../../ui/keyboard';
import { rateButtons } from '../reviews/reviews';
import { pageCount, pagerRow } from '../../ui/pager';
import { answer, replyLong, show } from '../../ui/replies';
import { orderDetailsKeyboard, orderDetailsText, statusText } from '../../views/order-view';

const SHOWN = 10;
const CODES_SHOWN = 3;

/** The shopper's orders, newest first, a page at a time. */
export async function showMyOrders(ctx: BotContext, svc: BotServices, page = 1): Promise<void> {
  const { t } = ctx;
  const listed = await svc.shop.ordering.listMyOrders(ctx.userId, { page, pageSize: SHOWN });
  if (!listed.ok) return answer(ctx, errorText(t, listed.error), { alert: true });
  const { items: orders, total } = listed.value;
  const pages = pageCount(total, SHOWN);
  await answer(ctx);
  if (total === 0) {
    await show(ctx, t('ordersEmpty'), inlineKeyboard([[button(t('btnCatalog'), { k: 'catalog', page: 1 })]]));
    return;
  }
  // The codes bought show in the list too (a few per order: the order itself lists them all).
  const codes = await svc.shop.ordering.deliveredCodesFor(orders);
  const lines = orders.flatMap((o) => {
    const line = t('orderLine', { orderNo: o.orderNo, amount: formatMoney(o.totalAmount, o.currency), status: statusText(t, o) });
    const bought = codes.get(o.orderNo) ?? [];
    if (bought.length === 0) return [line];
    const shown = bought.slice(0, CODES_SHOWN).join(', ');
    return [
      line,
      bought.length > CODES_SHOWN ? t('orderCodesMore', { codes: shown, count: bought.length - CODES_SHOWN }) : t('orderCodesLine', { codes: shown }),
    ];
  });
  const rows = orders.map((o) => [button(`${o.orderNo} · ${formatMoney(o.totalAmount, o.currency)}`, { k: 'order', orderNo: o.orderNo })]);
  rows.push(pagerRow(t, page, pages, (p) => ({ k: 'myOrders', page: p })));
  if (orders.length === 0) lines.push(t('ordersPageGone'));
  await show(ctx, [t('ordersTitle', { page, pages }), ...lines].join('\n'), inlineKeyboard(rows));
}

export async function showOrder(ctx: BotContext, svc: BotServices, orderNo: string): Promise<void> {
  const [details, reviews] = await Promise.all([svc.shop.payment.getOrder(orderNo, ctx.userId), svc.shop.reviews.orderReviews(orderNo)]);
  if (!details.ok) return answer(ctx, errorText(ctx.t, details.error), { alert: true });
  await answer(ctx);
  const text = orderDetailsText(ctx.t, details.value, svc.settings.utcOffsetMinutes);
  const markup = orderDetailsKeyboard(ctx.t, details.value.order, new Date(), rateButtons(ctx.t, details.value.order, reviews));
  // Many delivered codes do not fit one message: then the whole list arrives over several.
  if (text.length > MAX_MESSAGE_LENGTH) await replyLong(ctx, text, markup);
  else await show(ctx, text, markup);
}
