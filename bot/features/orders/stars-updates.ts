import type { Context } from 'telegraf';
import { resolveLanguage } from '../../../domain/account';
import type { BotServices } from '../../bot-services';
import { errorText } from '../../errors/error-replies';
import { translator } from '../../i18n/translate';

/**
 * Telegram's pre_checkout_query for a Stars invoice. Telegram gives the bot 10 s, and the query has no chat: it is
 * answered before sessions, the flood rule and the shopper's registration (each a round trip that could eat the
 * time), with one read of the order. A refusal says why in the shopper's language; a store that cannot be read
 * refuses too (a yes we could not check would take stars for an order that may be gone).
 */
export async function answerStarsPreCheckout(ctx: Context, svc: BotServices): Promise<void> {
  const query = ctx.preCheckoutQuery;
  if (!query) return;
  const shopperId = String(query.from.id);
  let t = translator(resolveLanguage(null, query.from.language_code));
  try {
    // The shopper's /lang choice when the shop knows one (one read), else Telegram's language_code.
    t = translator(resolveLanguage(await svc.shop.account.preferredLanguage(shopperId), query.from.language_code));
    const approved = await svc.shop.payment.approveStarsPreCheckout({
      orderNo: query.invoice_payload,
      shopperId,
      currency: query.currency,
      totalAmount: query.total_amount,
    });
    if (approved.ok) {
      await ctx.answerPreCheckoutQuery(true);
      return;
    }
    svc.logger.info({ orderNo: query.invoice_payload, error: approved.error }, 'Stars pre-checkout refused');
    await ctx.answerPreCheckoutQuery(false, errorText(t, approved.error));
  } catch (e) {
    svc.logger.error({ err: e, orderNo: query.invoice_payload }, 'Stars pre-checkout could not be checked; refused');
    await ctx.answerPreCheckoutQuery(false, t('storeBusy'));
  }
}

const ATTEMPTS = 4;
const backoffMs = (attempt: number): number => 250 * 2 ** attempt;

/**
 * Telegram's `successful_payment`: the stars are ours, so it is recorded before anything else the bot does with an
 * update (no flood rule can drop it). Telegram sends it once and does not send it again once the bot has taken the
 * update, so a store that is briefly away is retried here; what still fails is logged with everything needed to
 * settle it by hand (order, charge, amount), at error level.
 */
export async function takeStarsPayment(ctx: Context, svc: BotServices): Promise<void> {
  const message = ctx.message;
  if (!message || !('successful_payment' in message)) return;
  const paid = message.successful_payment;
  const payment = {
    orderNo: paid.invoice_payload,
    chargeId: paid.telegram_payment_charge_id,
    currency: paid.currency,
    totalAmount: paid.total_amount,
    paidAt: new Date(message.date * 1000),
  };
  for (let attempt = 0; ; attempt += 1) {
    try {
      const outcome = await svc.shop.payment.recordStarsPayment(payment);
      if (outcome.ok) svc.logger.info({ orderNo: payment.orderNo, outcome: outcome.value }, 'Stars payment recorded');
      else svc.logger.error({ ...payment, error: outcome.error }, 'Stars payment not applied: settle it by hand (refund the charge)');
      return;
    } catch (e) {
      if (attempt + 1 >= ATTEMPTS) {
        svc.logger.error({ err: e, ...payment, payer: message.from?.id }, 'Stars payment could not be recorded');
        throw e;
      }
      await new Promise((resolve) => setTimeout(resolve, backoffMs(attempt)));
    }
  }
}
