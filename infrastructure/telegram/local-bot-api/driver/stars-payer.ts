import { type ChatState, type LocalUser, userJson } from '../chat-state';
import { newCallbackQueryId, newStarsChargeId } from '../ids';
import type { InvoiceSpec, StarsCharge } from '../stars-state';
import type { BotState } from '../world';

export type StarsPaymentOutcome =
  | { status: 'paid'; chargeId: string }
  /** The bot said no at pre-checkout; the person sees its error_message. */
  | { status: 'refused'; errorMessage: string }
  /** The bot did not answer the pre-checkout query in time: Telegram fails the payment. */
  | { status: 'timeout' };

/**
 * What Telegram does when a person taps Pay on a Stars invoice: a pre_checkout_query to the bot, the answer awaited
 * (at most the deadline, 10 s), and only on ok the stars taken and a `successful_payment` message sent to the bot
 * from the person's chat. The invoice comes from a message in the chat or from an invoice link.
 */
export interface PayOptions {
  /** Runs between the bot's yes and the money moving: what may happen in that moment (the shop closes the order). */
  afterPreCheckout?: () => Promise<void>;
}

export async function payInvoice(
  bot: BotState,
  chat: ChatState,
  user: LocalUser,
  invoice: InvoiceSpec,
  options: PayOptions = {},
): Promise<StarsPaymentOutcome> {
  const id = newCallbackQueryId();
  const createdAt = Date.now();
  const query = { id, user, invoice, createdAt };
  bot.stars.preCheckouts.set(id, query);
  bot.pushUpdate('pre_checkout_query', {
    id,
    from: userJson(user),
    currency: invoice.currency,
    total_amount: invoice.totalAmount,
    invoice_payload: invoice.payload,
  });
  const deadline = bot.world.options.preCheckoutTimeoutMs ?? 10_000;
  const answer = await bot.world.changes
    .waitFor(
      () => bot.stars.preCheckouts.get(id)?.answer,
      deadline,
      () => `an answer to pre_checkout_query ${id}`,
    )
    .catch(() => undefined);
  if (!answer) {
    bot.changed({ kind: 'stars', chatId: chat.id, event: 'timeout', payload: invoice.payload });
    return { status: 'timeout' };
  }
  if (!answer.ok) {
    const errorMessage = answer.errorMessage ?? '';
    bot.changed({ kind: 'stars', chatId: chat.id, event: 'refused', payload: invoice.payload, detail: errorMessage });
    return { status: 'refused', errorMessage };
  }
  await options.afterPreCheckout?.();
  const chargeId = newStarsChargeId();
  const stored = bot.postUserMessage(chat, {
    successful_payment: {
      currency: invoice.currency,
      total_amount: invoice.totalAmount,
      invoice_payload: invoice.payload,
      telegram_payment_charge_id: chargeId,
      provider_payment_charge_id: '',
    },
  });
  const charge: StarsCharge = { id: chargeId, userId: user.id, invoice, paidAt: Date.now(), update: { ...stored.message } };
  bot.stars.charges.set(chargeId, charge);
  bot.pushUpdate('message', stored.message);
  bot.changed({ kind: 'stars', chatId: chat.id, event: 'paid', payload: invoice.payload });
  return { status: 'paid', chargeId };
}

/** Telegram delivering the same `successful_payment` update again (an update the bot did not confirm in time). */
export function redeliverSuccessfulPayment(bot: BotState, chargeId: string): void {
  const charge = bot.stars.charges.get(chargeId);
  if (!charge) throw new Error(`No Stars charge ${chargeId}`);
  bot.pushUpdate('message', charge.update);
}
