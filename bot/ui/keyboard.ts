import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'telegraf/types';
import { Action, encodeAction } from '../callback-data';

/** Button labels stay short: Telegram cuts long ones anyway, and a long title must not hide the price. */
const MAX_LABEL = 60;

const label = (text: string): string => {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= MAX_LABEL ? chars.join('') : `${chars.slice(0, MAX_LABEL - 1).join('')}…`;
};

export type Button = InlineKeyboardButton.CallbackButton;

export const button = (text: string, action: Action): Button => ({ text: label(text) || '·', callback_data: encodeAction(action) });

export const inlineKeyboard = (rows: Button[][]): InlineKeyboardMarkup => ({ inline_keyboard: rows.filter((row) => row.length > 0) });
