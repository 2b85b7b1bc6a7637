import { ORDER_STATUSES, OrderStatus } from '../../../domain/ordering';
import type { BotContext } from '../../bot-context';
import type { BotServices } from '../../bot-services';
import { errorText } from '../../errors/error-replies';
import { formatMoney } from '../../format/money';
import { formatTime } from '../../format/time';
import { Button, button, inlineKeyboard } from '../../ui/keyboard';
import { pageCount, pagerRow } from '../../ui/pager';
import { answer, reply, replyLong, show } from '../../ui/replies';
import { statusText } from '../../views/order-view';
import { words } from '../../routing/command-args';

const LISTED = 20;
const FILTERS: Array<OrderStatus | null> = [null, 'AWAITING_PAYMENT', 'PAID', 'DELIVERED'];

/** `/orders [status]`: the newest orders, optionally of one status (any letter case). */
export async function onAdminOrdersCommand(ctx: BotContext, svc: BotServices, args: string): Promise<void> {
  const [raw, ...extra] = words(args);
  const status = raw === undefined ? null : (ORDER_STATUSES.find((s) => s === raw.toUpperCase()) ?? undefined);
  if (status === undefined || extra.length > 0) {
    await reply(ctx, ctx.t('usageOrders', { statuses: ORDER_STATUSES.join(', ') }));
    return;
  }
  await showAdminOrders(ctx, svc, status, 1);
}

export async function showAdminOrders(ctx: BotContext, svc: BotServices, status: OrderStatus | null, page: number): Promise<void> {
  const { t } = ctx;
  const listed = await svc.shop.ordering.listOrders({ status: status ?? undefined, page, pageSize: LISTED });
  if (!listed.ok) return answer(ctx, errorText(t, listed.error, { forAdmin: true }), { alert: true });
  await answer(ctx);
  const { items, total } = listed.value;
  const pages = pageCount(total, LISTED);
  const lines = [t('adminOrdersTitle', { status: status ?? t('adminOrdersAll'), total, page, pages })];
  if (items.length === 0) lines.push(t('adminOrdersEmpty'));
  for (const o of items)
    lines.push(t('adminOrderLine', { orderNo: o.orderNo, userId: o.userId, amount: formatMoney(o.totalAmount, o.currency), status: o.status }));
  const rows: Button[][] = items.map((o) => [button(`🔎 ${o.orderNo} · ${formatMoney(o.totalAmount, o.currency)}`, { k: 'orderStory', orderNo: o.orderNo })]);
  rows.push(pagerRow(t, page, pages, (p) => ({ k: 'adminOrders', status, page: p })));
  rows.push(FILTERS.filter((f) => f !== status).map((f) => button(f ?? t('adminOrdersAll'), { k: 'adminOrders', status: f, page: 1 })));
  await show(ctx, lines.join('\n'), inlineKeyboard(rows));
}

/** `/order <no>`: everything that happened to one order. */
export async function showOrderStory(ctx: BotContext, svc: BotServices, orderNo: string): Promise<void> {
  const { t } = ctx;
  const found = await svc.shop.reporting.orderStory(orderNo);
  if (!found.ok) {
    if (ctx.callbackQuery) return answer(ctx, errorText(t, found.error), { alert: true });
    await reply(ctx, errorText(t, found.error));
    return;
  }
  await answer(ctx);
  const { order, events, codes } = found.value;
  const money = (amount: number): string => formatMoney(amount, order.currency);
  const offset = svc.settings.utcOffsetMinutes;
  const lines = [
    t('storyTitle', {
      orderNo: order.orderNo,
      status: `${order.status} (${statusText(t, order)})`,
      userId: order.userId,
      amount: money(order.totalAmount),
      method: order.paymentMethod,
      refunded: money(order.refundedAmount),
    }),
    t('storyLines'),
    ...order.lines.map((l) => t('storyLine', { title: l.title, kind: l.kind, quantity: l.quantity, total: money(l.lineTotal) })),
    t('storyHistory'),
    ...events.map((e) => t('storyEvent', { at: formatTime(e.at, offset, { withZone: false }), what: e.what })),
  ];
  if (codes.length > 0) lines.push(t('storyCodes', { codes: codes.map((c) => `${c.code} (${c.status})`).join(', ') }));
  const manualWaiting = order.status === 'PAID' && order.lines.some((l) => l.kind === 'manual');
  await replyLong(ctx, lines.join('\n'), manualWaiting ? inlineKeyboard([[button(t('btnFulfilled'), { k: 'fulfil', orderNo: order.orderNo })]]) : undefined);
}

export async function onOrderCommand(ctx: BotContext, svc: BotServices, args: string): Promise<void> {
  const [orderNo, ...extra] = words(args);
  if (!orderNo || extra.length > 0) {
    await reply(ctx, ctx.t('usageOrder'));
    return;
  }
  await showOrderStory(ctx, svc, orderNo);
}

/** `/fulfil <no> [note]` or the button on a "needs a person" notice: the manual part is done. */
export async function fulfil(ctx: BotContext, svc: BotServices, orderNo: string, note: string | null): Promise<void> {
  const { t } = ctx;
  const result = await svc.shop.ordering.fulfilOrder(orderNo, note);
  if (!result.ok) {
    await answer(ctx, errorText(t, result.error), { alert: true });
    if (!ctx.callbackQuery) await reply(ctx, errorText(t, result.error, { forAdmin: true }));
    return;
  }
  await answer(ctx);
  await reply(ctx, t('fulfilDone', { orderNo, outcome: result.value }));
}

export async function onFulfilCommand(ctx: BotContext, svc: BotServices, args: string): Promise<void> {
  const [orderNo, ...note] = words(args);
  if (!orderNo) {
    await reply(ctx, ctx.t('usageFulfil'));
    return;
  }
  await fulfil(ctx, svc, orderNo, note.length > 0 ? note.join(' ') : null);
}
