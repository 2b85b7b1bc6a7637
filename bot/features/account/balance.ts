import type { BotContext } from '../../bot-context';
import type { BotServices } from '../../bot-services';
import { formatMoney } from '../../format/money';
import { formatTime } from '../../format/time';
import { button, inlineKeyboard } from '../../ui/keyboard';
import { answer, show } from '../../ui/replies';

export async function showBalance(ctx: BotContext, svc: BotServices): Promise<void> {
  const { t } = ctx;
  const [account, ledger] = await Promise.all([svc.shop.account.getAccount(ctx.userId), svc.shop.account.getLedger(ctx.userId, 5)]);
  await answer(ctx);
  const lines = [t('balance', { balance: formatMoney(account.balance, account.currency) })];
  if (ledger.length > 0) {
    lines.push('', t('ledgerTitle'));
    for (const entry of ledger) {
      lines.push(
        t('ledgerLine', {
          at: formatTime(entry.createdAt, svc.settings.utcOffsetMinutes, { withZone: false }),
          amount: formatMoney(entry.amount, account.currency, { signed: true }),
          reason: entry.reason,
        }),
      );
    }
  }
  await show(ctx, lines.join('\n'), inlineKeyboard([[button(t('btnCatalog'), { k: 'catalog', page: 1 }), button(t('btnBack'), { k: 'menu' })]]));
}
