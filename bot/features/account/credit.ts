import type { BotContext } from '../../bot-context';
import type { BotServices } from '../../bot-services';
import { errorText } from '../../errors/error-replies';
import { formatMoney, parseMoneyInput } from '../../format/money';
import { chatIdOf, reply } from '../../ui/replies';
import { words } from '../../routing/command-args';

/** `/credit <userId> <±amount> <reason>`: one ledger entry; the command message is its reference (posted once). */
export async function onCreditCommand(ctx: BotContext, svc: BotServices, args: string): Promise<void> {
  const { t } = ctx;
  const [userId, rawAmount, ...reason] = words(args);
  const amount = rawAmount === undefined ? null : parseMoneyInput(rawAmount, { signed: true });
  if (!userId || amount === null || reason.length === 0) {
    await reply(ctx, t('usageCredit'));
    return;
  }
  const result = await svc.shop.account.adjustCredit({
    userId,
    amount,
    reason: reason.join(' '),
    reference: `tg:${chatIdOf(ctx)}:${ctx.message?.message_id ?? ''}`,
  });
  if (!result.ok) {
    await reply(ctx, errorText(t, result.error, { forAdmin: true }));
    return;
  }
  const currency = svc.settings.currency;
  await reply(
    ctx,
    t('creditDone', {
      userId,
      amount: formatMoney(result.value.amount, currency, { signed: true }),
      balance: formatMoney(result.value.balanceAfter, currency),
    }),
  );
}
