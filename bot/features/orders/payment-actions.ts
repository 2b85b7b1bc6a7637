import type { BotContext } from '../../bot-context';
import type { BotServices } from '../../bot-services';
import { errorText } from '../../errors/error-replies';
import { withPressLock } from '../../ui/press-lock';
import { answer, chatIdOf } from '../../ui/replies';
import { isUnpaid } from '../../../domain/ordering';
import { orderStateText } from '../../views/order-view';
import { renderOrderMessage, sendQrPhoto } from './order-presenter';

/**
 * "Check payment": asks the provider now. The order's message is then rewritten by the notice that the state
 * change queued (paid → delivered), so this only answers the tap.
 */
export async function checkPayment(ctx: BotContext, svc: BotServices, orderNo: string): Promise<void> {
  const { t } = ctx;
  const result = await svc.shop.payment.checkPayment(orderNo, ctx.userId);
  if (!result.ok) return answer(ctx, errorText(t, result.error), { alert: true });
  const order = result.value.snapshot;
  if (isUnpaid(order)) return answer(ctx, t('notPaidYet'), { alert: true });
  if (order.status === 'CLOSED') return answer(ctx, orderStateText(t, order, svc.settings.utcOffsetMinutes), { alert: true });
  await answer(ctx, t('paidToast'));
}

/** "Cancel": closes the unpaid order (the provider is asked first, in the use case) and says so in place. */
export async function cancelOrder(ctx: BotContext, svc: BotServices, orderNo: string): Promise<void> {
  const { t } = ctx;
  const result = await svc.shop.payment.cancelOrder(orderNo, 'cancelled by the shopper in chat', ctx.userId);
  if (!result.ok) return answer(ctx, errorText(t, result.error), { alert: true });
  await answer(ctx, t('orderCancelledToast'));
  const message = ctx.callbackQuery?.message;
  if (!message) return;
  const media = 'photo' in message ? 'photo' : 'text';
  await renderOrderMessage(
    ctx.telegram,
    t,
    { chatId: chatIdOf(ctx), messageId: message.message_id, media },
    result.value.snapshot,
    svc.settings.utcOffsetMinutes,
  );
}

/** "Retry" after a slow payment service, or "Pay" on an unpaid order: (re)sends the QR photo. */
export async function showQr(ctx: BotContext, svc: BotServices, orderNo: string): Promise<void> {
  const { t } = ctx;
  const pressed = await withPressLock(svc, `qr:${orderNo}`, async () => {
    const started = await svc.shop.payment.startQrPayment(orderNo, ctx.userId);
    if (!started.ok) return answer(ctx, errorText(t, started.error), { alert: true });
    if (started.value.status === 'RETRYING') return answer(ctx, t('stillRetrying'), { alert: true });
    const details = await svc.shop.payment.getOrder(orderNo, ctx.userId);
    if (!details.ok) return answer(ctx, errorText(t, details.error), { alert: true });
    await answer(ctx);
    await sendQrPhoto(ctx, svc, details.value.order, started.value.codeUrl);
  });
  if (pressed.busy) await answer(ctx, t('working'));
}
