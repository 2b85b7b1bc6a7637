import { badRequest } from '../bot-api-error';
import type { TgMessage, TgMessageEntity } from '../bot-api-types';
import type { ChatState, StoredMessage } from '../chat-state';
import { boolParam, intParam, isRecord, jsonParam, type RequestParams } from '../request-params';
import type { ReplyMarkup } from '../reply-markup';
import type { FormattedText } from '../text/formatted-text';
import type { MethodContext } from './method-context';

export type MessageContent = Omit<TgMessage, 'message_id' | 'chat' | 'date' | 'from'>;

export const withEntities = (text: FormattedText, field: 'entities' | 'caption_entities'): Partial<Record<typeof field, TgMessageEntity[]>> =>
  text.entities.length > 0 ? { [field]: text.entities } : {};

/** The message a send replies to: `reply_parameters` (Bot API 7) or the older `reply_to_message_id`. */
export function readReplyTo(params: RequestParams, chat: ChatState): TgMessage | undefined {
  let messageId: number | undefined;
  let allowWithoutReply = boolParam(params, 'allow_sending_without_reply');
  const replyParameters = jsonParam(params, 'reply_parameters');
  if (replyParameters.kind === 'invalid') throw badRequest("can't parse reply parameters JSON object");
  if (replyParameters.kind === 'value' && isRecord(replyParameters.value)) {
    const id = replyParameters.value.message_id;
    messageId = typeof id === 'number' ? id : Number(id);
    allowWithoutReply = replyParameters.value.allow_sending_without_reply === true;
  } else {
    messageId = intParam(params, 'reply_to_message_id');
  }
  if (!messageId) return undefined;
  const target = chat.find(messageId);
  if (!target) {
    if (allowWithoutReply) return undefined;
    throw badRequest('message to be replied not found');
  }
  const { reply_to_message: _nested, ...replied } = target.message;
  return replied;
}

/**
 * Posts a bot message once every check has passed: an inline keyboard rides on the message, a reply
 * keyboard (or its removal) changes what the user sees under the input field.
 */
export function postBotMessage(ctx: MethodContext, chat: ChatState, content: MessageContent, markup: ReplyMarkup | undefined, method: string): StoredMessage {
  const full: MessageContent = { ...content };
  if (markup?.kind === 'inline') full.reply_markup = markup.markup;
  if (boolParam(ctx.params, 'protect_content')) full.has_protected_content = true;
  const stored = ctx.bot.postBotMessage(chat, full, method);
  if (markup?.kind === 'keyboard' || markup?.kind === 'remove') {
    chat.replyKeyboard = markup.kind === 'keyboard' ? markup.markup : undefined;
    ctx.bot.changed({ kind: 'replyKeyboard', chatId: chat.id, keyboard: chat.replyKeyboard });
  }
  return stored;
}

const stable = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    isRecord(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, v[k]]),
        )
      : v,
  ) ?? 'undefined';

/** Telegram refuses an edit that changes neither the content nor the keyboard. */
export function sameContent(a: TgMessage, b: TgMessage): boolean {
  return (
    a.text === b.text &&
    a.caption === b.caption &&
    stable(a.entities ?? []) === stable(b.entities ?? []) &&
    stable(a.caption_entities ?? []) === stable(b.caption_entities ?? []) &&
    stable(a.reply_markup ?? null) === stable(b.reply_markup ?? null)
  );
}
