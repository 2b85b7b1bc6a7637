import { badRequest, telegramCase } from './bot-api-error';
import type { TgInlineKeyboardButton, TgInlineKeyboardMarkup } from './bot-api-types';
import { isRecord, jsonParam, type RequestParams } from './request-params';
import { normalizeUrl } from './text/formatted-text';

export const MAX_CALLBACK_DATA_BYTES = 64;

export type ReplyMarkup =
  | { kind: 'inline'; markup: TgInlineKeyboardMarkup }
  | { kind: 'none' }
  | { kind: 'keyboard'; markup: Record<string, unknown> }
  | { kind: 'remove'; markup: Record<string, unknown> }
  | { kind: 'force_reply'; markup: Record<string, unknown> };

/** A library-level parse failure: Telegram reports it as "Bad Request: " + the message, first letter lowered. */
class MarkupParseError extends Error {}

const fail = (message: string): never => {
  throw new MarkupParseError(message);
};

function stringField(object: Record<string, unknown>, name: string, optional: boolean): string | undefined {
  const value = object[name];
  if (value === undefined || value === null) return optional ? undefined : fail(`Can't find field "${name}"`);
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return fail(`Field "${name}" must be of type String`);
}

const ACTION_FIELDS = [
  'callback_game',
  'pay',
  'switch_inline_query',
  'switch_inline_query_current_chat',
  'switch_inline_query_chosen_chat',
  'login_url',
  'copy_text',
] as const;

/** Telegram echoes a keyboard back rebuilt from what it understood: unknown fields (telegraf's `hide`) vanish. */
function inlineButton(button: unknown): TgInlineKeyboardButton {
  if (!isRecord(button)) return fail('InlineKeyboardButton must be an Object');
  const text = stringField(button, 'text', false) ?? '';
  const url = stringField(button, 'url', true);
  if (url) {
    const normalized = normalizeUrl(url);
    if (!normalized) throw badRequest('BUTTON_URL_INVALID');
    return { text, url: normalized };
  }
  const data = stringField(button, 'callback_data', true);
  if (data) {
    if (Buffer.byteLength(data, 'utf8') > MAX_CALLBACK_DATA_BYTES) throw badRequest('BUTTON_DATA_INVALID');
    return { text, callback_data: data };
  }
  if (isRecord(button.web_app)) {
    const appUrl = typeof button.web_app.url === 'string' ? button.web_app.url : '';
    if (!/^https:\/\//i.test(appUrl)) {
      throw badRequest(`inline keyboard button Web App URL '${appUrl}' is invalid: Only HTTPS links are allowed`);
    }
    return { text, web_app: { url: appUrl } };
  }
  const action = ACTION_FIELDS.find((field) => button[field] !== undefined);
  if (action) return { text, [action]: button[action] };
  return fail('Text buttons are unallowed in the inline keyboard');
}

/** Empty button texts pass TDLib's parsing; Telegram's servers then refuse them. */
function checkButtonTexts(rows: TgInlineKeyboardButton[][]): void {
  if (rows.some((row) => row.some((b) => b.text.trim() === ''))) throw badRequest('BUTTON_TEXT_INVALID');
}

function inlineKeyboard(rows: unknown): TgInlineKeyboardButton[][] {
  if (!Array.isArray(rows)) return fail('Field "inline_keyboard" of the InlineKeyboardMarkup must be an Array');
  return rows.map((row) => {
    if (!Array.isArray(row)) return fail('Field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays');
    return row.map((button) => {
      try {
        return inlineButton(button);
      } catch (error) {
        if (error instanceof MarkupParseError) return fail(`Can't parse inline keyboard button: ${error.message}`);
        throw error;
      }
    });
  });
}

function replyKeyboard(rows: unknown): void {
  if (!Array.isArray(rows)) return fail('Field "keyboard" of the ReplyKeyboardMarkup must be an Array');
  for (const row of rows) {
    if (!Array.isArray(row)) return fail('Field "keyboard" of the ReplyKeyboardMarkup must be an Array of Arrays');
    for (const button of row) {
      if (typeof button === 'string') continue;
      if (!isRecord(button)) return fail("Can't parse keyboard button: KeyboardButton must be a String or an Object");
      try {
        stringField(button, 'text', false);
      } catch (error) {
        if (error instanceof MarkupParseError) return fail(`Can't parse keyboard button: ${error.message}`);
        throw error;
      }
    }
  }
}

function interpret(value: unknown): ReplyMarkup | undefined {
  if (!isRecord(value)) return fail('Object expected as reply markup');
  const keyboard = value.keyboard !== undefined ? (replyKeyboard(value.keyboard), value.keyboard) : undefined;
  const inline = value.inline_keyboard !== undefined ? inlineKeyboard(value.inline_keyboard) : undefined;
  if (Array.isArray(keyboard) && keyboard.length > 0) return { kind: 'keyboard', markup: value };
  if (inline && inline.length > 0) {
    checkButtonTexts(inline);
    return { kind: 'inline', markup: { inline_keyboard: inline } };
  }
  if (value.remove_keyboard === true || value.hide_keyboard === true) return { kind: 'remove', markup: value };
  if (value.force_reply === true) return { kind: 'force_reply', markup: value };
  if (inline) return { kind: 'none' };
  return undefined;
}

/**
 * Reads `reply_markup` (a JSON object, or its text in form and multipart bodies) with Telegram's checks
 * and error texts. Undefined means the request carried no markup Telegram would act on.
 */
export function readReplyMarkup(params: RequestParams): ReplyMarkup | undefined {
  const parsed = jsonParam(params, 'reply_markup');
  if (parsed.kind === 'absent') return undefined;
  if (parsed.kind === 'invalid') throw badRequest("can't parse reply keyboard markup JSON object");
  try {
    return interpret(parsed.value);
  } catch (error) {
    if (error instanceof MarkupParseError) throw badRequest(telegramCase(error.message));
    throw error;
  }
}

/** Edits only take inline keyboards; an empty or absent one removes the keyboard. */
export function readInlineMarkupForEdit(params: RequestParams): TgInlineKeyboardMarkup | undefined {
  const markup = readReplyMarkup(params);
  if (!markup || markup.kind === 'none') return undefined;
  if (markup.kind !== 'inline') throw badRequest('inline keyboard expected');
  return markup.markup;
}
