import type { BotContext } from '../../bot-context';
import type { BotServices } from '../../bot-services';
import { errorText } from '../../errors/error-replies';
import { formatMoney, parseMoneyInput } from '../../format/money';
import { chatIdOf, reply } from '../../ui/replies';
import { words } from '../../routing/command-args';

/**
 * `/refund <no> [amount] [reason]`. The request id is the command message itself, so the same update delivered
 * twice (a webhook retry) refunds once.
 */
export async function onRefundCommand(ctx: BotContext, svc: BotServices, args: string): Promise<void> {
  const { t } = ctx;
  const [orderNo, maybeAmount, ...rest] = words(args);
  if (!orderNo) {
    await reply(ctx, t('usageRefund'));
    return;
  }
  const amount = maybeAmount === undefined ? null : parseMoneyInput(maybeAmount);
  const reasonWords = amount === null && maybeAmount !== undefined ? [maybeAmount, ...rest] : rest;
  const result = await svc.shop.payment.refundOrder({
    orderNo,
    ...(amount !== null ? { amount } : {}),
    reason: reasonWords.length > 0 ? reasonWords.join(' ') : 'refund by admin in chat',
    requestId: `tg:${chatIdOf(ctx)}:${ctx.message?.message_id ?? ''}`,
  });
  if (!result.ok) {
    await reply(ctx, errorText(t, result.error, { forAdmin: true }));
    return;
  }
  const refund = result.value;
  await reply(
    ctx,
    t('refundOpened', { refundNo: refund.outRefundNo, amount: formatMoney(refund.amount, refund.currency), orderNo: refund.orderNo, status: refund.status }),
  );
}
