import { badRequest, messageNotModified } from '../bot-api-error';
import type { TgMessage } from '../bot-api-types';
import type { StoredMessage } from '../chat-state';
import { readInlineMarkupForEdit } from '../reply-markup';
import { hasParam, intParam } from '../request-params';
import { messageCaption, messageText } from '../text/message-text';
import { sameContent, withEntities } from './message-content';
import { knownChat, type MethodContext, type MethodOutcome, ok, writableChat } from './method-context';

/** The local Bot API has no inline-mode messages, so every inline_message_id is one Telegram would not know. */
function editTarget(ctx: MethodContext): StoredMessage {
  if (hasParam(ctx.params, 'inline_message_id')) throw badRequest('MESSAGE_ID_INVALID');
  if (!hasParam(ctx.params, 'chat_id') || !intParam(ctx.params, 'message_id')) throw badRequest('message identifier is not specified');
  const chat = writableChat(ctx);
  const stored = chat.find(intParam(ctx.params, 'message_id') ?? 0);
  if (!stored) throw badRequest('message to edit not found');
  if (stored.sender !== 'bot') throw badRequest("message can't be edited");
  return stored;
}

function applyEdit(ctx: MethodContext, stored: StoredMessage, next: TgMessage): MethodOutcome {
  if (sameContent(stored.message, next)) throw messageNotModified();
  stored.versions.push(stored.message);
  stored.message = { ...next, edit_date: Math.floor(Date.now() / 1000) };
  ctx.bot.changed({ kind: 'edited', chatId: stored.chatId, stored });
  return ok(stored.message);
}

/** The message without its editable parts; an edit that leaves out reply_markup removes the keyboard. */
function bare(message: TgMessage): TgMessage {
  const { text: _t, entities: _e, caption: _c, caption_entities: _ce, reply_markup: _r, edit_date: _d, ...rest } = message;
  return rest;
}

export function editMessageText(ctx: MethodContext): MethodOutcome {
  const text = messageText(ctx.params);
  const markup = readInlineMarkupForEdit(ctx.params);
  const stored = editTarget(ctx);
  if (stored.message.text === undefined) throw badRequest('there is no text in the message to edit');
  const next: TgMessage = { ...bare(stored.message), text: text.text, ...withEntities(text, 'entities') };
  if (markup) next.reply_markup = markup;
  return applyEdit(ctx, stored, next);
}

export function editMessageCaption(ctx: MethodContext): MethodOutcome {
  const caption = messageCaption(ctx.params);
  const markup = readInlineMarkupForEdit(ctx.params);
  const stored = editTarget(ctx);
  if (!stored.message.photo && !stored.message.document) throw badRequest('there is no caption in the message to edit');
  const next: TgMessage = bare(stored.message);
  if (caption) Object.assign(next, { caption: caption.text }, withEntities(caption, 'caption_entities'));
  if (markup) next.reply_markup = markup;
  return applyEdit(ctx, stored, next);
}

export function editMessageReplyMarkup(ctx: MethodContext): MethodOutcome {
  const markup = readInlineMarkupForEdit(ctx.params);
  const stored = editTarget(ctx);
  const { reply_markup: _old, edit_date: _d, ...rest } = stored.message;
  const next: TgMessage = markup ? { ...rest, reply_markup: markup } : rest;
  return applyEdit(ctx, stored, next);
}

export function deleteMessage(ctx: MethodContext): MethodOutcome {
  if (!hasParam(ctx.params, 'chat_id') || !intParam(ctx.params, 'message_id')) throw badRequest('message identifier is not specified');
  const chat = knownChat(ctx);
  const stored = chat.find(intParam(ctx.params, 'message_id') ?? 0);
  if (!stored) throw badRequest('message to delete not found');
  stored.deleted = true;
  ctx.bot.changed({ kind: 'deleted', chatId: chat.id, messageId: stored.message.message_id });
  return ok(true);
}
