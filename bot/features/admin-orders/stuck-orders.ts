import type { BotContext } from '../../bot-context';
import type { BotServices } from '../../bot-services';
import { DEFAULT_STUCK_AFTER_MINUTES } from '../../../domain/reporting';
import { errorText } from '../../errors/error-replies';
import { formatMoney } from '../../format/money';
import { formatTime } from '../../format/time';
import { Button, button, inlineKeyboard } from '../../ui/keyboard';
import { pageCount, pagerRow } from '../../ui/pager';
import { answer, reply, show } from '../../ui/replies';
import { words } from '../../routing/command-args';

const LISTED = 10;

/** `/stuck [minutes]`: orders the repairs have not moved on for longer than that (default 15 minutes). */
export async function onStuckCommand(ctx: BotContext, svc: BotServices, args: string): Promise<void> {
  const [raw, ...extra] = words(args);
  if (extra.length > 0 || (raw !== undefined && !/^\d{1,6}$/.test(raw))) {
    await reply(ctx, ctx.t('usageStuck', { minutes: DEFAULT_STUCK_AFTER_MINUTES }));
    return;
  }
  await showStuckOrders(ctx, svc, raw === undefined ? DEFAULT_STUCK_AFTER_MINUTES : Number(raw), 1);
}

export async function showStuckOrders(ctx: BotContext, svc: BotServices, minutes: number, page: number): Promise<void> {
  const { t } = ctx;
  const listed = await svc.shop.reporting.stuckOrders({ olderThanMinutes: minutes, page, pageSize: LISTED });
  if (!listed.ok) {
    await answer(ctx, errorText(t, listed.error), { alert: true });
    if (!ctx.callbackQuery) await reply(ctx, errorText(t, listed.error, { forAdmin: true }));
    return;
  }
  await answer(ctx);
  const { items, total } = listed.value;
  const pages = pageCount(total, LISTED);
  const offset = svc.settings.utcOffsetMinutes;
  const lines = [t('stuckTitle', { minutes, total, page, pages })];
  if (items.length === 0) lines.push(t(total === 0 ? 'stuckNone' : 'stuckPageGone'));
  for (const { order, reason, since, detail } of items) {
    lines.push(
      t('stuckLine', {
        orderNo: order.orderNo,
        userId: order.userId,
        amount: formatMoney(order.totalAmount, order.currency),
        reason: t(`stuck_${reason}`),
        since: formatTime(since, offset, { withZone: false }),
      }),
    );
    if (detail !== null) lines.push(t('stuckDetail', { detail }));
  }
  const rows: Button[][] = items.map(({ order, reason }) => [
    button(`🔎 ${order.orderNo} · ${t(`stuck_${reason}`)}`, { k: 'orderStory', orderNo: order.orderNo }),
  ]);
  rows.push(pagerRow(t, page, pages, (p) => ({ k: 'stuckOrders', minutes, page: p })));
  await show(ctx, lines.join('\n'), inlineKeyboard(rows));
}
