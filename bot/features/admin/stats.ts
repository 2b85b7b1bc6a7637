import type { SalesSummary } from '../../../domain/ordering';
import type { BotContext } from '../../bot-context';
import type { BotServices } from '../../bot-services';
import { formatMoney } from '../../format/money';
import type { Translate } from '../../i18n/translate';
import { answer, reply } from '../../ui/replies';

function period(t: Translate, name: string, summary: SalesSummary, currency: string): string[] {
  const money = (amount: number): string => formatMoney(amount, currency);
  const lines = [
    t('statsSummary', { period: name, placed: summary.placed, paid: summary.paid, revenue: money(summary.revenue), refunded: money(summary.refunded) }),
    t('statsTop'),
  ];
  if (summary.topProducts.length === 0) lines.push(t('statsNoSales'));
  for (const top of summary.topProducts) lines.push(t('statsTopLine', { title: top.title, quantity: top.quantity, revenue: money(top.revenue) }));
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
