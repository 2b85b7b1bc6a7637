import { badRequest } from '../bot-api-error';
import type { StoredFile } from '../files/file-store';
import { readInputFile, resolveInputFile } from '../files/input-file';
import { readReplyMarkup } from '../reply-markup';
import { stringParam } from '../request-params';
import { messageCaption, messageText } from '../text/message-text';
import { type MessageContent, postBotMessage, readReplyTo, withEntities } from './message-content';
import { type MethodContext, type MethodOutcome, ok, readThread, writableChat } from './method-context';

const CHAT_ACTIONS = new Set([
  'typing',
  'upload_photo',
  'record_video',
  'upload_video',
  'record_voice',
  'upload_voice',
  'upload_document',
  'choose_sticker',
  'find_location',
  'record_video_note',
  'upload_video_note',
  'cancel',
  'record_audio',
  'upload_audio',
]);

export function sendMessage(ctx: MethodContext): MethodOutcome {
  const text = messageText(ctx.params);
  const markup = readReplyMarkup(ctx.params);
  const chat = writableChat(ctx);
  const replyTo = readReplyTo(ctx.params, chat);
  const thread = readThread(ctx, chat);
  ctx.takeSendQuota(chat.id);
  const content: MessageContent = { ...thread, text: text.text, ...withEntities(text, 'entities') };
  if (replyTo) content.reply_to_message = replyTo;
  return ok(postBotMessage(ctx, chat, content, markup, 'sendMessage').message);
}

async function sendMedia(
  ctx: MethodContext,
  kind: 'photo' | 'document',
  method: string,
  describe: (file: StoredFile) => MessageContent,
): Promise<MethodOutcome> {
  const input = readInputFile(ctx.params, kind);
  const caption = messageCaption(ctx.params);
  const markup = readReplyMarkup(ctx.params);
  const chat = writableChat(ctx);
  const replyTo = readReplyTo(ctx.params, chat);
  const thread = readThread(ctx, chat);
  const file = await resolveInputFile(ctx.bot.files, input, kind, ctx.signal);
  ctx.takeSendQuota(chat.id);
  const content: MessageContent = { ...thread, ...describe(file) };
  if (caption) Object.assign(content, { caption: caption.text }, withEntities(caption, 'caption_entities'));
  if (replyTo) content.reply_to_message = replyTo;
  return ok(postBotMessage(ctx, chat, content, markup, method).message);
}

/**
 * Telegram re-encodes photos and returns several sizes; the local Bot API keeps the uploaded bytes as they
 * are (so a QR code survives byte for byte) and reports that one size.
 */
export const sendPhoto = (ctx: MethodContext): Promise<MethodOutcome> =>
  sendMedia(ctx, 'photo', 'sendPhoto', (file) => ({
    photo: [
      { file_id: file.fileId, file_unique_id: file.fileUniqueId, file_size: file.bytes.length, width: file.image?.width ?? 0, height: file.image?.height ?? 0 },
    ],
  }));

export const sendDocument = (ctx: MethodContext): Promise<MethodOutcome> =>
  sendMedia(ctx, 'document', 'sendDocument', (file) => {
    const document: NonNullable<MessageContent['document']> = {
      file_id: file.fileId,
      file_unique_id: file.fileUniqueId,
      file_size: file.bytes.length,
      mime_type: file.mimeType,
    };
    if (file.fileName) document.file_name = file.fileName;
    return { document };
  });

export function sendChatAction(ctx: MethodContext): MethodOutcome {
  const action = stringParam(ctx.params, 'action')?.trim().toLowerCase() ?? '';
  if (!CHAT_ACTIONS.has(action)) throw badRequest('wrong parameter action in request');
  const chat = writableChat(ctx);
  chat.actions.push({ action, at: Date.now() });
  ctx.bot.changed({ kind: 'chatAction', chatId: chat.id, action });
  return ok(true);
}
