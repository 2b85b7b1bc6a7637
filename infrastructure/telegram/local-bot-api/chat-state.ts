import type { TgChat, TgMessage, TgUser } from './bot-api-types';
import { newChatInstance } from './ids';

/** A person on the user side of the local Bot API. */
export interface LocalUser {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

/** The User object Telegram shows for a person, fields in Telegram's order. */
export function userJson(user: LocalUser): TgUser {
  const json: TgUser = { id: user.id, is_bot: false, first_name: user.first_name };
  if (user.last_name) json.last_name = user.last_name;
  if (user.username) json.username = user.username;
  if (user.language_code) json.language_code = user.language_code;
  return json;
}

/** One message in a chat, with the versions it went through. */
export interface StoredMessage {
  /** Creation order across the whole local Bot API. */
  seq: number;
  chatId: number;
  sender: 'bot' | 'user';
  /** The message as it stands now (after edits). */
  message: TgMessage;
  /** Earlier versions, oldest first; one per applied edit. */
  versions: TgMessage[];
  sentAt: number;
  deleted: boolean;
  /** The Bot API method that created a bot message. */
  method?: string;
}

export interface ChatAction {
  action: string;
  at: number;
}

/** A supergroup the bot is in: its people, the bot's rights there, and (in a forum) its topics by thread id. */
export interface GroupInfo {
  title: string;
  isForum: boolean;
  members: Map<number, LocalUser>;
  /** Admins receive every message (privacy mode does not apply) and may be given the right to manage topics. */
  botIsAdmin: boolean;
  canManageTopics: boolean;
  topics: Map<number, { name: string; iconColor: number; closed: boolean }>;
}

/** A chat between one bot and one user (private), or a supergroup (`group` set; `user` then stands for the group). */
export class ChatState {
  readonly messages: StoredMessage[] = [];
  readonly actions: ChatAction[] = [];
  readonly chatInstance = newChatInstance();
  /** The reply keyboard the user currently sees under the input field, if any. */
  replyKeyboard?: Record<string, unknown>;
  blocked = false;
  private nextMessageId = 1;

  /** The person as they are now: a later update with a changed name or language_code replaces it, as Telegram does. */
  constructor(
    public user: LocalUser,
    readonly group?: GroupInfo,
  ) {}

  get id(): number {
    return this.user.id;
  }

  chatJson(): TgChat {
    if (this.group) return { id: this.user.id, title: this.group.title, type: 'supergroup', ...(this.group.isForum ? { is_forum: true as const } : {}) };
    const chat: TgChat = { id: this.user.id, first_name: this.user.first_name, type: 'private' };
    if (this.user.last_name) chat.last_name = this.user.last_name;
    if (this.user.username) chat.username = this.user.username;
    return chat;
  }

  /** A message that still exists (not deleted). */
  find(messageId: number): StoredMessage | undefined {
    return this.messages.find((m) => m.message.message_id === messageId && !m.deleted);
  }

  append(
    sender: StoredMessage['sender'],
    from: TgUser,
    content: Omit<TgMessage, 'message_id' | 'chat' | 'date' | 'from'>,
    seq: number,
    method?: string,
  ): StoredMessage {
    const now = Date.now();
    const message: TgMessage = { message_id: this.nextMessageId++, from, chat: this.chatJson(), date: Math.floor(now / 1000), ...content };
    const stored: StoredMessage = { seq, chatId: this.id, sender, message, versions: [], sentAt: now, deleted: false };
    if (method) stored.method = method;
    this.messages.push(stored);
    return stored;
  }
}
