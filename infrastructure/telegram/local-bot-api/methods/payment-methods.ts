import { badRequest, queryTooOld } from '../bot-api-error';
import { newInvoiceSlug } from '../ids';
import { readReplyMarkup } from '../reply-markup';
import { boolParam, intParam, isRecord, jsonParam, type RequestParams, stringParam } from '../request-params';
import { type InvoiceSpec, MAX_STARS, MIN_STARS, STARS_CURRENCY } from '../stars-state';
import { postBotMessage } from './message-content';
import { type MethodContext, type MethodOutcome, ok, writableChat } from './method-context';

const MAX_TITLE = 32;
const MAX_DESCRIPTION = 255;
const MAX_PAYLOAD_BYTES = 128;
const MAX_ERROR_MESSAGE = 255;

const chars = (text: string): number => [...text].length;

/**
 * An invoice's parameters checked as Telegram checks them. The local Bot API takes Telegram Stars only (no card
 * providers play here): currency XTR, an empty provider_token, exactly one price of 1..10000 stars.
 */
function readInvoice(params: RequestParams): InvoiceSpec {
  const title = stringParam(params, 'title') ?? '';
  if (chars(title) < 1 || chars(title) > MAX_TITLE) throw badRequest('INVOICE_TITLE_INVALID');
  const description = stringParam(params, 'description') ?? '';
  if (chars(description) < 1 || chars(description) > MAX_DESCRIPTION) throw badRequest('INVOICE_DESCRIPTION_INVALID');
  const payload = stringParam(params, 'payload') ?? '';
  if (Buffer.byteLength(payload, 'utf8') < 1 || Buffer.byteLength(payload, 'utf8') > MAX_PAYLOAD_BYTES) throw badRequest('PAYLOAD_INVALID');
  const currency = stringParam(params, 'currency') ?? '';
  if (currency !== STARS_CURRENCY) throw badRequest(currency === '' ? 'CURRENCY_INVALID' : 'PAYMENT_PROVIDER_INVALID');
  // Stars are paid to the bot itself: a provider token (any, even a real one) is refused.
  if ((stringParam(params, 'provider_token') ?? '') !== '') throw badRequest('PAYMENT_PROVIDER_INVALID');
  const prices = jsonParam(params, 'prices');
  if (prices.kind === 'invalid') throw badRequest("can't parse prices JSON object");
  if (prices.kind === 'absent' || !Array.isArray(prices.value)) throw badRequest('parameter "prices" is required');
  if (prices.value.length !== 1) throw badRequest('STARS_INVOICE_INVALID');
  const [price] = prices.value as unknown[];
  if (!isRecord(price) || typeof price.label !== 'string') throw badRequest('can\'t parse LabeledPrice: Field "label" must be of type String');
  const amount = typeof price.amount === 'number' ? price.amount : Number(price.amount);
  if (!Number.isInteger(amount) || amount < MIN_STARS || amount > MAX_STARS) throw badRequest('CURRENCY_TOTAL_AMOUNT_INVALID');
  for (const flexible of ['need_name', 'need_phone_number', 'need_email', 'need_shipping_address', 'is_flexible'])
    if (boolParam(params, flexible)) throw badRequest('STARS_INVOICE_INVALID');
  return { title, description, payload, currency, totalAmount: amount, label: price.label };
}

/** sendInvoice: an invoice message in the chat, with its Pay button (the first button when a keyboard is given). */
export function sendInvoice(ctx: MethodContext): MethodOutcome {
  const invoice = readInvoice(ctx.params);
  const markup = readReplyMarkup(ctx.params);
  const chat = writableChat(ctx);
  if (markup && markup.kind !== 'inline') throw badRequest('REPLY_MARKUP_INVALID');
  const firstButton = markup?.kind === 'inline' ? markup.markup.inline_keyboard[0]?.[0] : undefined;
  if (markup?.kind === 'inline' && (firstButton === undefined || firstButton.pay !== true))
    throw badRequest('the first button of an invoice must be a Pay button');
  ctx.takeSendQuota(chat.id);
  const payButton = { inline_keyboard: [[{ text: `Pay ⭐️${invoice.totalAmount}`, pay: true }]] };
  const stored = postBotMessage(
    ctx,
    chat,
    {
      invoice: {
        title: invoice.title,
        description: invoice.description,
        start_parameter: stringParam(ctx.params, 'start_parameter') ?? '',
        currency: invoice.currency,
        total_amount: invoice.totalAmount,
      },
    },
    markup ?? { kind: 'inline', markup: payButton },
    'sendInvoice',
  );
  ctx.bot.stars.messageInvoices.set(`${chat.id}:${stored.message.message_id}`, invoice);
  return ok(stored.message);
}

/** createInvoiceLink: a t.me/$ link anyone holding it can pay (the Mini App opens it). */
export function createInvoiceLink(ctx: MethodContext): MethodOutcome {
  const invoice = readInvoice(ctx.params);
  const slug = newInvoiceSlug();
  ctx.bot.stars.links.set(slug, invoice);
  return ok(`https://t.me/$${slug}`);
}

/** answerPreCheckoutQuery: once, within the deadline; a refusal must say why (shown to the person). */
export function answerPreCheckoutQuery(ctx: MethodContext): MethodOutcome {
  const id = stringParam(ctx.params, 'pre_checkout_query_id')?.trim() ?? '';
  const query = ctx.bot.stars.preCheckouts.get(id);
  const deadline = ctx.world.options.preCheckoutTimeoutMs ?? 10_000;
  if (!query || query.answer || Date.now() - query.createdAt > deadline) throw queryTooOld();
  const approved = boolParam(ctx.params, 'ok');
  const errorMessage = stringParam(ctx.params, 'error_message') ?? '';
  if (!approved && errorMessage.trim() === '') throw badRequest('ERROR_MESSAGE_EMPTY');
  if (chars(errorMessage) > MAX_ERROR_MESSAGE) throw badRequest('ERROR_MESSAGE_TOO_LONG');
  query.answer = { ok: approved, at: Date.now(), ...(approved ? {} : { errorMessage }) };
  ctx.bot.world.changes.notify();
  return ok(true);
}

/** refundStarPayment: the whole charge back to the user who paid it, once. */
export function refundStarPayment(ctx: MethodContext): MethodOutcome {
  const userId = intParam(ctx.params, 'user_id');
  if (!userId) throw badRequest('USER_ID_INVALID');
  const chargeId = stringParam(ctx.params, 'telegram_payment_charge_id')?.trim() ?? '';
  const charge = ctx.bot.stars.charges.get(chargeId);
  if (!charge || charge.userId !== userId) throw badRequest('CHARGE_NOT_FOUND');
  if (charge.refundedAt !== undefined) throw badRequest('CHARGE_ALREADY_REFUNDED');
  charge.refundedAt = Date.now();
  const chat = ctx.bot.chats.get(userId);
  if (chat) {
    // What the person's client shows: a service message about the refund.
    postBotMessage(
      ctx,
      chat,
      {
        refunded_payment: {
          currency: charge.invoice.currency,
          total_amount: charge.invoice.totalAmount,
          invoice_payload: charge.invoice.payload,
          telegram_payment_charge_id: charge.id,
        },
      },
      undefined,
      'refundStarPayment',
    );
    ctx.bot.changed({ kind: 'stars', chatId: chat.id, event: 'refunded', payload: charge.invoice.payload });
  }
  return ok(true);
}
