import { badRequest } from '../bot-api-error';
import { readReplyMarkup } from '../reply-markup';
import { intParam, type RequestParams } from '../request-params';
import { messageCaption } from '../text/message-text';
import { type MessageContent, postBotMessage, readReplyTo, withEntities } from './message-content';
import { type MethodContext, type MethodOutcome, ok, readChatId, readThread, writableChat } from './method-context';

/** `from_chat_id` read like `chat_id`, for the chat the message is copied out of. */
const fromParams = (params: RequestParams): RequestParams => ({ ...params, values: { ...params.values, chat_id: params.values.from_chat_id } });

/**
 * copyMessage as Telegram does it: the message's content (text, or photo / document by the same file, with its
 * caption unless a new one is given) sent as a new message without a link to the original; service messages can't
 * be copied. Answers the new message's id only.
 */
export function copyMessage(ctx: MethodContext): MethodOutcome {
  const target = writableChat(ctx);
  const source = ctx.bot.chats.get(readChatId(fromParams(ctx.params)));
  if (!source) throw badRequest('chat not found');
  const messageId = intParam(ctx.params, 'message_id');
  const original = messageId === undefined ? undefined : source.find(messageId);
  if (!original) throw badRequest('message to copy not found');
  const m = original.message;
  if (m.text === undefined && m.photo === undefined && m.document === undefined) throw badRequest("message can't be copied");
  const markup = readReplyMarkup(ctx.params);
  const replyTo = readReplyTo(ctx.params, target);
  const thread = readThread(ctx, target);
  const content: MessageContent = { ...thread };
  if (m.text !== undefined) Object.assign(content, { text: m.text }, m.entities ? { entities: m.entities } : {});
  else {
    if (m.photo) content.photo = m.photo;
    if (m.document) content.document = m.document;
    const override = 'caption' in ctx.params.values ? messageCaption(ctx.params) : undefined;
    if (override) Object.assign(content, { caption: override.text }, withEntities(override, 'caption_entities'));
    else if ('caption' in ctx.params.values) {
      // An empty caption given on purpose removes it.
    } else if (m.caption !== undefined) Object.assign(content, { caption: m.caption }, m.caption_entities ? { caption_entities: m.caption_entities } : {});
  }
  if (replyTo) content.reply_to_message = replyTo;
  ctx.takeSendQuota(target.id);
  const stored = postBotMessage(ctx, target, content, markup, 'copyMessage');
  return ok({ message_id: stored.message.message_id });
}
