import type { TgBotCommand, TgBotUser, TgMessage, TgUser, UpdateType } from './bot-api-types';
import { type ChatEvent, ChatEvents } from './chat-events';
import { ChangeSignal } from './change-signal';
import { ChatState, type LocalUser, type StoredMessage, userJson } from './chat-state';
import { FileStore } from './files/file-store';
import { TOKEN_PATTERN } from './ids';
import { StarsBook } from './stars-state';
import { UpdateQueue } from './update-queue';
import { WebhookDelivery, type WebhookOptions, type WebhookReplyExecutor } from './webhook-delivery';

export interface BotSpec {
  token: string;
  username?: string;
  firstName?: string;
}

export interface CallbackAnswer {
  text?: string;
  show_alert: boolean;
  url?: string;
  cache_time: number;
  at: number;
}

export interface CallbackQueryState {
  id: string;
  chatId: number;
  messageId: number;
  user: LocalUser;
  data: string;
  createdAt: number;
  answer?: CallbackAnswer;
}

/** What the bot answered to an inline query: the results a person's client lists under the message field. */
export interface InlineAnswer {
  results: Array<Record<string, unknown>>;
  next_offset: string;
  cache_time: number;
  is_personal: boolean;
  at: number;
}

export interface InlineQueryState {
  id: string;
  user: LocalUser;
  query: string;
  offset: string;
  createdAt: number;
  answer?: InlineAnswer;
}

export interface WorldOptions {
  /** How long a callback query can still be answered (Telegram: a few seconds to minutes; it is not documented). */
  callbackQueryTtlMs: number;
  /** How long Telegram waits for answerPreCheckoutQuery before the payment fails (10 s). */
  preCheckoutTimeoutMs?: number;
  webhook: WebhookOptions;
}

/** Everything the local Bot API knows: its bots (by token) and the signal the user-side driver waits on. */
export class World {
  readonly bots = new Map<string, BotState>();
  readonly changes = new ChangeSignal();
  private seq = 0;

  constructor(readonly options: WorldOptions) {}

  nextSeq(): number {
    return ++this.seq;
  }
}

/** One bot: its chats, files, commands, open callback queries, update queue and webhook. */
export class BotState {
  readonly id: number;
  readonly info: TgBotUser;
  readonly chats = new Map<number, ChatState>();
  readonly files = new FileStore();
  readonly commands = new Map<string, TgBotCommand[]>();
  readonly callbackQueries = new Map<string, CallbackQueryState>();
  readonly inlineQueries = new Map<string, InlineQueryState>();
  readonly updates = new UpdateQueue();
  /** Telegram Stars: invoices, pre-checkout queries, charges and refunds. */
  readonly stars = new StarsBook();
  /** What the user side sees happen (the chat page follows it). */
  readonly events = new ChatEvents();
  readonly webhook: WebhookDelivery;
  /** Telegram takes at most one setWebhook with a URL per second. */
  nextSetWebhookAt = 0;

  constructor(
    readonly spec: BotSpec,
    readonly world: World,
    executeReply: WebhookReplyExecutor,
  ) {
    const match = TOKEN_PATTERN.exec(spec.token);
    if (!match) throw new Error(`Not a bot token (expected "<digits>:<secret>"): ${spec.token}`);
    this.id = Number(match[1]);
    this.info = {
      id: this.id,
      is_bot: true,
      first_name: spec.firstName ?? 'Local Bot',
      username: spec.username ?? `local_${this.id}_bot`,
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
      can_connect_to_business: false,
      has_main_web_app: false,
    };
    this.webhook = new WebhookDelivery(this.updates, world.options.webhook, executeReply);
  }

  get token(): string {
    return this.spec.token;
  }

  botUserJson(): TgUser {
    const { id, is_bot, first_name, username } = this.info;
    return { id, is_bot, first_name, username };
  }

  /** The chat with this user, created the first time the user writes to the bot. */
  chatWith(user: LocalUser): ChatState {
    let chat = this.chats.get(user.id);
    if (!chat) {
      chat = new ChatState(user);
      this.chats.set(user.id, chat);
    }
    return chat;
  }

  postBotMessage(chat: ChatState, content: Omit<TgMessage, 'message_id' | 'chat' | 'date' | 'from'>, method: string): StoredMessage {
    const stored = chat.append('bot', this.botUserJson(), content, this.world.nextSeq(), method);
    this.changed({ kind: 'message', chatId: chat.id, stored });
    return stored;
  }

  postUserMessage(chat: ChatState, content: Omit<TgMessage, 'message_id' | 'chat' | 'date' | 'from'>): StoredMessage {
    const stored = chat.append('user', userJson(chat.user), content, this.world.nextSeq());
    this.changed({ kind: 'message', chatId: chat.id, stored });
    return stored;
  }

  /** Tells the user side what happened and wakes whatever waits on the state. */
  changed(event: ChatEvent): void {
    this.events.emit(event);
    this.world.changes.notify();
  }

  /**
   * The commands menu a person sees in a private chat, as Telegram picks it: the narrowest scope that has commands
   * (this chat, all private chats, default), the person's language before no language.
   */
  commandsFor(chatId: number, languageCode: string | undefined): TgBotCommand[] {
    const scopes = [`chat:${chatId}:`, 'all_private_chats::', 'default'];
    const languages = languageCode ? [languageCode, ''] : [''];
    for (const scope of scopes) {
      for (const language of languages) {
        const commands = this.commands.get(`${scope}|${language}`);
        if (commands && commands.length > 0) return commands;
      }
    }
    return [];
  }

  pushUpdate(type: UpdateType, payload: unknown): void {
    this.updates.push(type, payload);
  }
}
