import type { SalesSummary } from '../../../domain/ordering';
import type { BotContext } from '../../bot-context';
import type { BotServices } from '../../bot-services';
import { STARS_CURRENCY } from '../../../domain/ordering';
import { formatMoney } from '../../format/money';
import type { Translate } from '../../i18n/translate';
import { answer, reply } from '../../ui/replies';

function period(t: Translate, name: string, summary: SalesSummary, currency: string): string[] {
  const money = (amount: number): string => formatMoney(amount, currency);
  const lines = [
    t('statsSummary', { period: name, placed: summary.placed, paid: summary.paid, revenue: money(summary.revenue), refunded: money(summary.refunded) }),
  ];
  // Stars are their own money: shown beside the shop's, never added to it.
  if (summary.stars.paid > 0)
    lines.push(
      t('statsStars', {
        paid: summary.stars.paid,
        revenue: formatMoney(summary.stars.revenue, STARS_CURRENCY),
        refunded: formatMoney(summary.stars.refunded, STARS_CURRENCY),
      }),
    );
  lines.push(t('statsTop'));
  if (summary.topProducts.length === 0) lines.push(t('statsNoSales'));
  for (const top of summary.topProducts) {
    const revenue = top.starsRevenue > 0 ? `${money(top.revenue)} + ${formatMoney(top.starsRevenue, STARS_CURRENCY)}` : money(top.revenue);
    lines.push(t('statsTopLine', { title: top.title, quantity: top.quantity, revenue }));
  }
  return lines;
}

export async function showStats(ctx: BotContext, svc: BotServices): Promise<void> {
  const { t } = ctx;
  const stats = await svc.shop.reporting.salesStats(svc.settings.utcOffsetMinutes);
  await answer(ctx);
  await reply(
    ctx,
    [t('statsTitle'), '', ...period(t, t('statsToday'), stats.today, stats.currency), '', ...period(t, t('statsWeek'), stats.last7Days, stats.currency)].join(
      '\n',
    ),
  );
}
