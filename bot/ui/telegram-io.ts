import { Telegram, TelegramError } from 'telegraf';
import type { InlineKeyboardMarkup, Message } from 'telegraf/types';
import { fitCaption, fitText } from '../format/telegram-limits';

type ChatId = number | string;

const described = (e: unknown, code: number, pattern: RegExp): boolean => e instanceof TelegramError && e.code === code && pattern.test(e.description);

/** Editing a message into what it already says: Telegram refuses, and there is nothing to do. */
export const isNotModified = (e: unknown): boolean => described(e, 400, /message is not modified/i);

/** The person blocked the bot, deleted their account or never opened the chat: retrying cannot help. */
export const isUnreachableChat = (e: unknown): boolean =>
  (e instanceof TelegramError && e.code === 403) || described(e, 400, /chat not found|user is deactivated|PEER_ID_INVALID/i);

/** The message to edit is gone or cannot be edited (too old, deleted): send a new one instead. */
export const isUneditable = (e: unknown): boolean =>
  described(e, 400, /message to edit not found|message can't be edited|there is no (caption|text) in the message|MESSAGE_ID_INVALID/i);

export type EditOutcome = 'edited' | 'unchanged' | 'missing';

export function sendText(tg: Telegram, chatId: ChatId, text: string, markup?: InlineKeyboardMarkup): Promise<Message.TextMessage> {
  return tg.sendMessage(chatId, fitText(text), markup ? { reply_markup: markup } : {});
}

/** Replaces a text message; leaving out the keyboard removes it, so used buttons cannot be pressed again. */
export async function editText(tg: Telegram, chatId: ChatId, messageId: number, text: string, markup?: InlineKeyboardMarkup): Promise<EditOutcome> {
  try {
    await tg.editMessageText(chatId, messageId, undefined, fitText(text), markup ? { reply_markup: markup } : {});
    return 'edited';
  } catch (e) {
    if (isNotModified(e)) return 'unchanged';
    if (isUneditable(e)) return 'missing';
    throw e;
  }
}

export async function editCaption(tg: Telegram, chatId: ChatId, messageId: number, caption: string, markup?: InlineKeyboardMarkup): Promise<EditOutcome> {
  try {
    await tg.editMessageCaption(chatId, messageId, undefined, fitCaption(caption), markup ? { reply_markup: markup } : {});
    return 'edited';
  } catch (e) {
    if (isNotModified(e)) return 'unchanged';
    if (isUneditable(e)) return 'missing';
    throw e;
  }
}
