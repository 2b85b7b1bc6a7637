import { Input, Telegram } from 'telegraf';
import type { OrderState } from '../../../domain/ordering';
import type { QrPayment } from '../../../domain/payment';
import { qrPng } from '../../../infrastructure/qr/qr-renderer';
import type { BotContext } from '../../bot-context';
import type { BotServices } from '../../bot-services';
import { fitCaption } from '../../format/telegram-limits';
import type { Translate } from '../../i18n/translate';
import { OrderMessageRef, withOrderMessageLock } from '../../notify/order-messages';
import { chatIdOf, reply } from '../../ui/replies';
import { EditOutcome, editCaption, editText } from '../../ui/telegram-io';
import { starsInvoiceOf } from '../../views/stars-invoice-view';
import { orderStateText, qrCaption, qrKeyboard, retryingText, retryKeyboard } from '../../views/order-view';

async function remember(svc: BotServices, orderNo: string, ref: OrderMessageRef): Promise<void> {
  // Without the reference a later "delivered" arrives only as a new message, without the edit: worse, not wrong.
  await svc.orderMessages.remember(orderNo, ref).catch((e: unknown) => svc.logger.warn({ err: e, orderNo }, 'could not remember the order message'));
}

/** Rewrites an order's message to what the order's state says, without buttons (nothing is left to press). */
export function renderOrderMessage(
  tg: Telegram,
  t: Translate,
  ref: OrderMessageRef,
  order: OrderState,
  utcOffsetMinutes: number,
  opts: { awaitingFulfilment?: boolean } = {},
): Promise<EditOutcome> {
  const text = orderStateText(t, order, utcOffsetMinutes, opts);
  return ref.media === 'photo' ? editCaption(tg, ref.chatId, ref.messageId, text) : editText(tg, ref.chatId, ref.messageId, text);
}

/**
 * The QR photo: the provider's code_url as a PNG, with amount, order number and expiry, and check/cancel buttons. A
 * Stars order gets its invoice instead (Telegram's own Pay button); it is not remembered as the order's message (an
 * invoice has no text to edit), so its paid and delivered notices arrive as messages of their own.
 */
export async function sendQrPhoto(ctx: BotContext, svc: BotServices, order: OrderState, codeUrl: string): Promise<void> {
  if (order.paymentMethod === 'stars') {
    await ctx.telegram.sendInvoice(chatIdOf(ctx), starsInvoiceOf(ctx.t, order, svc.settings.utcOffsetMinutes));
    return;
  }
  const png = await qrPng(codeUrl);
  await withOrderMessageLock(svc.lock, order.orderNo, async () => {
    const sent = await ctx.telegram.sendPhoto(chatIdOf(ctx), Input.fromBuffer(png, `${order.orderNo}.png`), {
      caption: fitCaption(qrCaption(ctx.t, order, svc.settings.utcOffsetMinutes)),
      reply_markup: qrKeyboard(ctx.t, order.orderNo),
    });
    await remember(svc, order.orderNo, { chatId: sent.chat.id, messageId: sent.message_id, media: 'photo' });
  });
}

/**
 * Shows a just-placed order. A QR order gets its photo (or the "payment service is slow, retry" message); an order
 * that is already paid (credit) takes over `messageId` — the cart screen it was placed from — and shows its state
 * there, read fresh under the order's message lock so it can never show an older state than the notifier did.
 */
export async function presentOrder(ctx: BotContext, svc: BotServices, order: OrderState, payment: QrPayment | null, messageId: number | null): Promise<void> {
  const offset = svc.settings.utcOffsetMinutes;
  if (payment?.status === 'READY') return sendQrPhoto(ctx, svc, order, payment.codeUrl);
  await withOrderMessageLock(svc.lock, order.orderNo, async () => {
    if (payment?.status === 'RETRYING') {
      const sent = await reply(ctx, retryingText(ctx.t, order, offset), retryKeyboard(ctx.t, order.orderNo));
      return remember(svc, order.orderNo, { chatId: sent.chat.id, messageId: sent.message_id, media: 'text' });
    }
    const fresh = await svc.shop.payment.getOrder(order.orderNo, ctx.userId);
    const current = fresh.ok ? fresh.value.order : order;
    if (messageId !== null) {
      const ref: OrderMessageRef = { chatId: chatIdOf(ctx), messageId, media: 'text' };
      await remember(svc, order.orderNo, ref);
      if ((await renderOrderMessage(ctx.telegram, ctx.t, ref, current, offset)) !== 'missing') return;
    }
    const sent = await reply(ctx, orderStateText(ctx.t, current, offset));
    await remember(svc, order.orderNo, { chatId: sent.chat.id, messageId: sent.message_id, media: 'text' });
  });
}
