import { botBlocked, chatIdEmpty, chatNotFound, notAMember, threadNotFound, topicClosed } from '../bot-api-error';
import type { ChatState } from '../chat-state';
import { intParam, type RequestParams, stringParam } from '../request-params';
import type { BotState, World } from '../world';

export interface MethodContext {
  world: World;
  bot: BotState;
  params: RequestParams;
  /** Aborted when the client goes away before the answer. */
  signal: AbortSignal;
  /** Counts one outgoing message against the flood limits (when enabled); throws 429 when over them. */
  takeSendQuota(chatId: number): void;
}

export interface MethodOutcome {
  result: unknown;
  description?: string;
}

export type MethodHandler = (ctx: MethodContext) => MethodOutcome | Promise<MethodOutcome>;

export const ok = (result: unknown, description?: string): MethodOutcome => (description === undefined ? { result } : { result, description });

/** `chat_id` as Telegram resolves it for a bot that only has private chats: a number, or nothing it knows. */
export function readChatId(params: RequestParams): number {
  const raw = stringParam(params, 'chat_id')?.trim();
  if (raw === undefined || raw === '') throw chatIdEmpty();
  if (!/^-?\d{1,20}$/.test(raw)) throw chatNotFound();
  return Number(raw);
}

/** A chat the bot may read: one whose user has written to the bot at least once. */
export function knownChat(ctx: MethodContext): ChatState {
  const chat = ctx.bot.chats.get(readChatId(ctx.params));
  if (!chat) throw chatNotFound();
  return chat;
}

/** A chat the bot may write to: known, and not blocked by its user (a group: the bot is still in it). */
export function writableChat(ctx: MethodContext): ChatState {
  const chat = knownChat(ctx);
  if (chat.blocked) throw chat.group ? notAMember() : botBlocked();
  return chat;
}

/**
 * `message_thread_id` as Telegram reads it for a send: in a forum it names an existing, open topic (else 400);
 * elsewhere it is ignored. Returns the fields the new message carries.
 */
export function readThread(ctx: MethodContext, chat: ChatState): { message_thread_id?: number; is_topic_message?: true } {
  const threadId = intParam(ctx.params, 'message_thread_id');
  if (threadId === undefined || !chat.group?.isForum) return {};
  const topic = chat.group.topics.get(threadId);
  if (!topic) throw threadNotFound();
  if (topic.closed) throw topicClosed();
  return { message_thread_id: threadId, is_topic_message: true };
}
