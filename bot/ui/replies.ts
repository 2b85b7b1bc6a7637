import type { InlineKeyboardMarkup, Message } from 'telegraf/types';
import type { BotContext } from '../bot-context';
import { fitText, MAX_CALLBACK_ANSWER_LENGTH, splitText } from '../format/telegram-limits';
import { editText, sendText } from './telegram-io';

export function chatIdOf(ctx: BotContext): number {
  const id = ctx.chat?.id;
  if (id === undefined) throw new Error('this update has no chat');
  return id;
}

export const reply = (ctx: BotContext, text: string, markup?: InlineKeyboardMarkup): Promise<Message.TextMessage> =>
  sendText(ctx.telegram, chatIdOf(ctx), text, markup);

/** A long text (a story, a list of codes) as several messages, split at line breaks. */
export async function replyLong(ctx: BotContext, text: string, markup?: InlineKeyboardMarkup): Promise<void> {
  const chunks = splitText(text);
  for (const [i, chunk] of chunks.entries()) await sendText(ctx.telegram, chatIdOf(ctx), chunk, i === chunks.length - 1 ? markup : undefined);
}

/**
 * Answers the pressed button (Telegram shows a spinner until then). A query that is too old or answered already is
 * not worth failing the update for: the person simply sees no toast.
 */
export async function answer(ctx: BotContext, text?: string, opts: { alert?: boolean } = {}): Promise<void> {
  if (!ctx.callbackQuery) return;
  try {
    await ctx.answerCbQuery(text === undefined ? undefined : fitText(text, MAX_CALLBACK_ANSWER_LENGTH), opts.alert ? { show_alert: true } : undefined);
  } catch {
    // "query is too old" / "query ID is invalid": the tap timed out on the person's side; the work itself is done.
  }
}

/** The message of the pressed button, when it is a text message this bot can rewrite in place. */
export function pressedTextMessage(ctx: BotContext): number | null {
  const message = ctx.callbackQuery?.message;
  return message && 'text' in message ? message.message_id : null;
}

/** Shows a screen by rewriting the pressed text message, or as a new message (after a command, or under a photo). */
export async function show(ctx: BotContext, text: string, markup?: InlineKeyboardMarkup): Promise<void> {
  const messageId = pressedTextMessage(ctx);
  if (messageId !== null && (await editText(ctx.telegram, chatIdOf(ctx), messageId, text, markup)) !== 'missing') return;
  await reply(ctx, text, markup);
}
