import { badRequest, chatNotFound, notAForum, notEnoughRightsForTopics } from '../bot-api-error';
import type { TgForumTopic } from '../bot-api-types';
import { intParam, stringParam } from '../request-params';
import { type MethodContext, type MethodOutcome, ok, readChatId, writableChat } from './method-context';

/** The six colours Telegram allows for a topic's icon. */
const ICON_COLORS = [0x6fb9f0, 0xffd67e, 0xcb86db, 0x8eee98, 0xff93b2, 0xfb6f5f];
const MAX_TOPIC_NAME = 128;

/**
 * createForumTopic as Telegram answers it: only in a forum supergroup, only for a bot that is an admin there with
 * the right to manage topics; the topic's thread id is the id of its "topic created" service message.
 */
export function createForumTopic(ctx: MethodContext): MethodOutcome {
  if (readChatId(ctx.params) > 0) throw badRequest('the chat is not a forum');
  const chat = writableChat(ctx);
  const group = chat.group;
  if (!group) throw chatNotFound();
  if (!group.isForum) throw notAForum();
  if (!group.botIsAdmin || !group.canManageTopics) throw notEnoughRightsForTopics();
  const name = (stringParam(ctx.params, 'name') ?? '').trim();
  if (name === '') throw badRequest('TOPIC_NAME_EMPTY');
  if ([...name].length > MAX_TOPIC_NAME) throw badRequest('TOPIC_NAME_INVALID');
  const color = intParam(ctx.params, 'icon_color') ?? ICON_COLORS[0]!;
  if (!ICON_COLORS.includes(color)) throw badRequest('TOPIC_ICON_COLOR_INVALID');
  const created = ctx.bot.postBotMessage(chat, { forum_topic_created: { name, icon_color: color } }, 'createForumTopic');
  const threadId = created.message.message_id;
  created.message.message_thread_id = threadId;
  created.message.is_topic_message = true;
  group.topics.set(threadId, { name, iconColor: color, closed: false });
  const topic: TgForumTopic = { message_thread_id: threadId, name, icon_color: color };
  return ok(topic);
}

function topicOf(ctx: MethodContext) {
  const chat = writableChat(ctx);
  if (!chat.group?.isForum) throw notAForum();
  if (!chat.group.botIsAdmin || !chat.group.canManageTopics) throw badRequest('not enough rights to manage topics');
  const threadId = intParam(ctx.params, 'message_thread_id');
  const topic = threadId === undefined ? undefined : chat.group.topics.get(threadId);
  if (!topic) throw badRequest('message thread not found');
  return topic;
}

export function closeForumTopic(ctx: MethodContext): MethodOutcome {
  const topic = topicOf(ctx);
  if (topic.closed) throw badRequest('TOPIC_NOT_MODIFIED');
  topic.closed = true;
  return ok(true);
}

export function reopenForumTopic(ctx: MethodContext): MethodOutcome {
  const topic = topicOf(ctx);
  if (!topic.closed) throw badRequest('TOPIC_NOT_MODIFIED');
  topic.closed = false;
  return ok(true);
}
