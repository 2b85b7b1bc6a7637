import type { TgBotCommand, TgBotUser, TgInlineKeyboardButton, TgMessage } from '../bot-api-types';
import type { ChatEventListener } from '../chat-events';
import { type ChatAction, ChatState, type GroupInfo, type LocalUser, type StoredMessage, userJson } from '../chat-state';
import type { StoredFile } from '../files/file-store';
import { sniffImage } from '../files/image-size';
import { newCallbackQueryId, newUserId } from '../ids';
import type { StarsCharge } from '../stars-state';
import type { BotState, CallbackAnswer, InlineAnswer } from '../world';
import { type PayOptions, type StarsPaymentOutcome, payInvoice, redeliverSuccessfulPayment } from './stars-payer';
import { typedTextEntities } from './user-entities';

const DEFAULT_TIMEOUT_MS = 5000;

/**
 * What a test does as a human in front of a Telegram client, talking to one bot: write, press buttons,
 * send files, block the bot; and what that person sees: the bot's messages, keyboards, edits, toasts.
 */
export class UserDriver {
  private readonly cursors = new Map<number, number>();

  constructor(private readonly bot: BotState) {}

  get botInfo(): TgBotUser {
    return this.bot.info;
  }

  createUser(fields: Partial<LocalUser> = {}): LocalUser {
    return { id: newUserId(), first_name: 'Test User', language_code: 'en', ...fields };
  }

  userSendsText(user: LocalUser, text: string, options: { replyToMessageId?: number } = {}): TgMessage {
    if (text.trim() === '') throw new Error('A Telegram client does not send an empty message');
    const chat = this.openChat(user);
    const entities = typedTextEntities(text);
    const content: Partial<TgMessage> = { text, ...(entities.length > 0 ? { entities } : {}) };
    if (options.replyToMessageId !== undefined) {
      const target = chat.find(options.replyToMessageId);
      if (!target) throw new Error(`There is no message ${options.replyToMessageId} to reply to in chat ${chat.id}`);
      content.reply_to_message = target.message;
    }
    return this.deliver(chat, content);
  }

  /** Opening t.me/<bot>?start=<payload>: the client sends "/start <payload>". */
  userStartsBot(user: LocalUser, payload?: string): TgMessage {
    if (payload !== undefined && !/^[A-Za-z0-9_-]{1,64}$/.test(payload)) {
      throw new Error(`A deep-link payload is 1-64 characters of A-Za-z0-9_- ; Telegram would not pass "${payload}"`);
    }
    return this.userSendsText(user, payload === undefined ? '/start' : `/start ${payload}`);
  }

  /**
   * A supergroup with the bot in it (a forum when `forum`: topics, createForumTopic); `botIsAdmin` gives the bot
   * every message (no privacy mode) and, with `canManageTopics`, the right to make topics. Returns the group's id.
   */
  createSupergroup(options: { title: string; forum?: boolean; members?: LocalUser[]; botIsAdmin?: boolean; canManageTopics?: boolean }): number {
    const id = -(1_000_000_000_000 + newUserId());
    const group: GroupInfo = {
      title: options.title,
      isForum: options.forum === true,
      members: new Map((options.members ?? []).map((m) => [m.id, m])),
      botIsAdmin: options.botIsAdmin ?? true,
      canManageTopics: options.canManageTopics ?? options.botIsAdmin ?? true,
      topics: new Map(),
    };
    this.bot.chats.set(id, new ChatState({ id, first_name: options.title }, group));
    return id;
  }

  /** A group admin closes (or deletes, `deleted`) a forum topic by hand: the bot's sends into it are refused from now on. */
  adminRemovesTopic(chatId: number, threadId: number, deleted = false): void {
    const topics = this.bot.chats.get(chatId)?.group?.topics;
    const topic = topics?.get(threadId);
    if (!topics || !topic) throw new Error(`Supergroup ${chatId} has no topic ${threadId}`);
    if (deleted) topics.delete(threadId);
    else topic.closed = true;
    this.bot.world.changes.notify();
  }

  /** The topics of a forum supergroup by thread id (what a person sees in the topic list). */
  topics(chatId: number): Array<{ threadId: number; name: string; closed: boolean }> {
    return [...(this.bot.chats.get(chatId)?.group?.topics ?? new Map()).entries()].map(([threadId, t]) => ({ threadId, name: t.name, closed: t.closed }));
  }

  /**
   * A member writes in a supergroup, in a forum topic when `threadId` is given. The bot gets the update as Telegram
   * sends it: always when it is an admin there; otherwise (privacy mode) only commands and replies to its messages.
   */
  userSendsToGroup(
    user: LocalUser,
    chatId: number,
    content: { text?: string; photo?: Buffer; document?: { fileName: string; bytes: Buffer }; caption?: string },
    options: { threadId?: number; replyToMessageId?: number } = {},
  ): TgMessage {
    const chat = this.bot.chats.get(chatId);
    const group = chat?.group;
    if (!chat || !group) throw new Error(`There is no supergroup ${chatId}`);
    if (!group.members.has(user.id)) group.members.set(user.id, user);
    const message: Partial<TgMessage> = {};
    if (options.threadId !== undefined) {
      if (!group.topics.has(options.threadId)) throw new Error(`Supergroup ${chatId} has no topic ${options.threadId}`);
      Object.assign(message, { message_thread_id: options.threadId, is_topic_message: true });
      // A message in a topic answers the topic's first message unless it replies to another one.
      const first = chat.find(options.threadId);
      if (first && options.replyToMessageId === undefined) message.reply_to_message = first.message;
    }
    if (options.replyToMessageId !== undefined) {
      const target = chat.find(options.replyToMessageId);
      if (!target) throw new Error(`There is no message ${options.replyToMessageId} in chat ${chatId}`);
      message.reply_to_message = target.message;
    }
    if (content.text !== undefined) {
      const entities = typedTextEntities(content.text);
      Object.assign(message, { text: content.text }, entities.length > 0 ? { entities } : {});
    } else if (content.photo) {
      const image = sniffImage(content.photo);
      if (!image) throw new Error('Not an image a Telegram client could send as a photo');
      const file = this.bot.files.addPhoto(content.photo, image);
      message.photo = [{ file_id: file.fileId, file_unique_id: file.fileUniqueId, file_size: content.photo.length, width: image.width, height: image.height }];
    } else if (content.document) {
      const file = this.bot.files.addDocument(content.document.bytes, content.document.fileName);
      message.document = {
        file_name: content.document.fileName,
        mime_type: file.mimeType,
        file_id: file.fileId,
        file_unique_id: file.fileUniqueId,
        file_size: content.document.bytes.length,
      };
    } else throw new Error('A Telegram client does not send an empty message');
    if (content.caption && message.text === undefined) message.caption = content.caption;
    const stored = chat.append('user', userJson(user), message, this.bot.world.nextSeq());
    this.bot.changed({ kind: 'message', chatId, stored });
    const botId = this.bot.id;
    const seen = group.botIsAdmin || (message.text?.startsWith('/') ?? false) || message.reply_to_message?.from?.id === botId;
    if (seen) this.bot.pushUpdate('message', stored.message);
    return stored.message;
  }

  /** Presses an inline button in a supergroup; returns the callback query id the bot must answer. */
  userPressesButtonInGroup(user: LocalUser, chatId: number, messageId: number, callbackData: string): string {
    const chat = this.bot.chats.get(chatId);
    if (!chat?.group) throw new Error(`There is no supergroup ${chatId}`);
    return this.press(chat, user, messageId, callbackData);
  }

  /** Presses an inline button; returns the callback query id the bot must answer. */
  userPressesButton(user: LocalUser, messageId: number, callbackData: string): string {
    const chat = this.existingChat(user.id);
    chat.user = user;
    return this.press(chat, user, messageId, callbackData);
  }

  private press(chat: ChatState, user: LocalUser, messageId: number, callbackData: string): string {
    const stored = chat.find(messageId);
    if (!stored) throw new Error(`There is no message ${messageId} in chat ${chat.id}`);
    const buttons = stored.message.reply_markup?.inline_keyboard.flat() ?? [];
    if (!buttons.some((b) => b.callback_data === callbackData)) {
      const offered = buttons.map((b) => b.callback_data).filter((d) => d !== undefined);
      throw new Error(`Message ${messageId} has no button with callback_data "${callbackData}" (it offers: ${JSON.stringify(offered)})`);
    }
    const id = newCallbackQueryId();
    this.bot.callbackQueries.set(id, { id, chatId: chat.id, messageId, user, data: callbackData, createdAt: Date.now() });
    this.bot.pushUpdate('callback_query', { id, from: userJson(user), message: stored.message, chat_instance: chat.chatInstance, data: callbackData });
    return id;
  }

  /**
   * Types `@bot <query>` in any chat: the client sends an inline query (Telegram cuts the text at 256 characters) and
   * `offset` is the previous answer's next_offset when the person scrolls. Returns the query id the bot must answer.
   */
  userTypesInline(user: LocalUser, query: string, offset = ''): string {
    const id = newCallbackQueryId();
    const text = [...query].slice(0, 256).join('');
    this.bot.inlineQueries.set(id, { id, user, query: text, offset, createdAt: Date.now() });
    this.bot.pushUpdate('inline_query', { id, from: userJson(user), query: text, offset, chat_type: 'sender' });
    return id;
  }

  waitForInlineAnswer(queryId: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<InlineAnswer> {
    return this.bot.world.changes.waitFor(
      () => this.bot.inlineQueries.get(queryId)?.answer,
      timeoutMs,
      () => `an answer to inline query ${queryId}`,
    );
  }

  /** Presses the button whose label matches; returns the callback query id. */
  userPressesButtonLabelled(user: LocalUser, messageId: number, label: string | RegExp): string {
    const message = this.existingChat(user.id).find(messageId)?.message;
    const button = message ? this.findButton(message, label) : undefined;
    if (!button?.callback_data) throw new Error(`Message ${messageId} has no callback button labelled ${String(label)}`);
    return this.userPressesButton(user, messageId, button.callback_data);
  }

  userSendsDocument(user: LocalUser, fileName: string, contents: Buffer | string, options: { mimeType?: string; caption?: string } = {}): TgMessage {
    const chat = this.openChat(user);
    const bytes = Buffer.isBuffer(contents) ? contents : Buffer.from(contents, 'utf8');
    const file = this.bot.files.addDocument(bytes, fileName, options.mimeType);
    const document = { file_name: fileName, mime_type: file.mimeType, file_id: file.fileId, file_unique_id: file.fileUniqueId, file_size: bytes.length };
    return this.deliver(chat, { document, ...(options.caption ? { caption: options.caption } : {}) });
  }

  userSendsPhoto(user: LocalUser, bytes: Buffer, options: { caption?: string; replyToMessageId?: number } = {}): TgMessage {
    const image = sniffImage(bytes);
    if (!image) throw new Error('Not an image a Telegram client could send as a photo');
    const chat = this.openChat(user);
    const file = this.bot.files.addPhoto(bytes, image);
    const photo = [{ file_id: file.fileId, file_unique_id: file.fileUniqueId, file_size: bytes.length, width: image.width, height: image.height }];
    const replied = options.replyToMessageId === undefined ? undefined : chat.find(options.replyToMessageId)?.message;
    if (options.replyToMessageId !== undefined && !replied) throw new Error(`There is no message ${options.replyToMessageId} to reply to in chat ${chat.id}`);
    return this.deliver(chat, { photo, ...(options.caption ? { caption: options.caption } : {}), ...(replied ? { reply_to_message: replied } : {}) });
  }

  /** Taps Pay on the Stars invoice in this message: pre-checkout, then (on ok) the payment. */
  userPaysInvoice(user: LocalUser, messageId: number, options: PayOptions = {}): Promise<StarsPaymentOutcome> {
    const chat = this.existingChat(user.id);
    chat.user = user;
    const invoice = this.bot.stars.messageInvoices.get(`${chat.id}:${messageId}`);
    if (!invoice) throw new Error(`Message ${messageId} in chat ${chat.id} is not an invoice`);
    return payInvoice(this.bot, chat, user, invoice, options);
  }

  /** Opens an invoice link (`createInvoiceLink`, https://t.me/$<slug>) and pays it. */
  userPaysInvoiceLink(user: LocalUser, link: string, options: PayOptions = {}): Promise<StarsPaymentOutcome> {
    const slug = /^https:\/\/t\.me\/\$([A-Za-z0-9_-]+)$/.exec(link)?.[1];
    const invoice = slug === undefined ? undefined : this.bot.stars.links.get(slug);
    if (!invoice) throw new Error(`${link} is not an invoice link of this bot`);
    return payInvoice(this.bot, this.openChat(user), user, invoice, options);
  }

  /** Telegram sends the `successful_payment` update of this charge once more. */
  redeliverSuccessfulPayment(chargeId: string): void {
    redeliverSuccessfulPayment(this.bot, chargeId);
  }

  /** Where the Stars invoice in this message stands: open, paid (and by which charge), or refunded; undefined when it is no invoice. */
  invoiceState(chatId: number, messageId: number): { payload: string; state: 'open' | 'paid' | 'refunded' } | undefined {
    const invoice = this.bot.stars.messageInvoices.get(`${chatId}:${messageId}`);
    if (!invoice) return undefined;
    const charges = [...this.bot.stars.charges.values()].filter((c) => c.userId === chatId && c.invoice.payload === invoice.payload);
    const state = charges.some((c) => c.refundedAt === undefined) ? 'paid' : charges.length > 0 ? 'refunded' : 'open';
    return { payload: invoice.payload, state };
  }

  /** The Stars charges this bot received, refunded ones included. */
  starsCharges(): StarsCharge[] {
    return [...this.bot.stars.charges.values()];
  }

  /** Updates the bot has not taken yet (a long poll's offset, or a webhook's 200, confirms them). */
  pendingUpdates(): number {
    return this.bot.updates.pendingCount();
  }

  /** Stars the bot holds now (paid minus refunded). */
  starsBalance(): number {
    return this.bot.stars.balance();
  }

  userBlocksBot(user: LocalUser): void {
    this.setBlocked(this.existingChat(user.id), true);
  }

  userUnblocksBot(user: LocalUser): void {
    this.setBlocked(this.existingChat(user.id), false);
  }

  /** Every message in the chat that still exists, from both sides, oldest first. */
  messages(chatId: number): TgMessage[] {
    return this.history(chatId)
      .filter((m) => !m.deleted)
      .map((m) => m.message);
  }

  /** Everything the bot ever posted into the chat, deleted messages included, with their edit history. */
  botMessages(chatId: number): StoredMessage[] {
    return this.history(chatId).filter((m) => m.sender === 'bot');
  }

  history(chatId: number): StoredMessage[] {
    return [...(this.bot.chats.get(chatId)?.messages ?? [])];
  }

  latestMessage(chatId: number): TgMessage | undefined {
    return this.botMessages(chatId)
      .filter((m) => !m.deleted)
      .at(-1)?.message;
  }

  message(chatId: number, messageId: number): TgMessage | undefined {
    return this.bot.chats.get(chatId)?.find(messageId)?.message;
  }

  inlineKeyboard(message: TgMessage): TgInlineKeyboardButton[][] {
    return message.reply_markup?.inline_keyboard ?? [];
  }

  findButton(message: TgMessage, label: string | RegExp): TgInlineKeyboardButton | undefined {
    return this.inlineKeyboard(message)
      .flat()
      .find((b) => (typeof label === 'string' ? b.text === label : label.test(b.text)));
  }

  replyKeyboard(chatId: number): Record<string, unknown> | undefined {
    return this.bot.chats.get(chatId)?.replyKeyboard;
  }

  chatActions(chatId: number): ChatAction[] {
    return [...(this.bot.chats.get(chatId)?.actions ?? [])];
  }

  /** Everything that happens in this bot's chats from now on (new, edited, deleted messages, toasts, keyboards); returns the unsubscribe. */
  onChatEvent(listener: ChatEventListener): () => void {
    return this.bot.events.subscribe(listener);
  }

  /** The commands menu the person sees next to the input field (setMyCommands, by scope and language). */
  commandsFor(chatId: number, languageCode?: string): TgBotCommand[] {
    return this.bot.commandsFor(chatId, languageCode);
  }

  /** A file of this bot's chats (sent by the bot or by a person), by file_id. */
  file(fileId: string): StoredFile | undefined {
    return this.bot.files.get(fileId);
  }

  callbackAnswer(queryId: string): CallbackAnswer | undefined {
    return this.bot.callbackQueries.get(queryId)?.answer;
  }

  /** The bytes of a photo the bot sent (its largest size). */
  downloadPhoto(message: TgMessage): Buffer {
    const largest = [...(message.photo ?? [])].sort((a, b) => b.width * b.height - a.width * a.height)[0];
    if (!largest) throw new Error(`Message ${message.message_id} has no photo`);
    return this.fileBytes(largest.file_id);
  }

  downloadDocument(message: TgMessage): Buffer {
    if (!message.document) throw new Error(`Message ${message.message_id} has no document`);
    return this.fileBytes(message.document.file_id);
  }

  /** Forget the bot's messages so far: the next waitForMessage only sees newer ones. */
  skipExisting(chatId: number): void {
    this.cursors.set(chatId, this.botMessages(chatId).at(-1)?.seq ?? 0);
  }

  /**
   * The next bot message in the chat (after the last one a wait returned) that matches; earlier
   * non-matching ones are passed over. Resolves with the message as it stands at that moment.
   */
  waitForMessage(chatId: number, predicate: (m: TgMessage) => boolean = () => true, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<TgMessage> {
    const check = (): TgMessage | undefined => {
      const cursor = this.cursors.get(chatId) ?? 0;
      const found = this.botMessages(chatId).find((m) => m.seq > cursor && predicate(m.message));
      if (!found) return undefined;
      this.cursors.set(chatId, found.seq);
      return found.message;
    };
    return this.bot.world.changes.waitFor(
      check,
      timeoutMs,
      () => `a bot message in chat ${chatId}; the chat holds ${JSON.stringify(this.messages(chatId).map((m) => m.text ?? m.caption ?? '[media]'))}`,
    );
  }

  async waitForMessages(chatId: number, count: number, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<TgMessage[]> {
    const deadline = Date.now() + timeoutMs;
    const received: TgMessage[] = [];
    while (received.length < count) received.push(await this.waitForMessage(chatId, () => true, Math.max(1, deadline - Date.now())));
    return received;
  }

  /** Waits until an edit of the message makes it match. */
  waitForEdit(chatId: number, messageId: number, predicate: (m: TgMessage) => boolean = () => true, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<TgMessage> {
    const check = (): TgMessage | undefined => {
      const stored = this.bot.chats.get(chatId)?.messages.find((m) => m.message.message_id === messageId);
      return stored && stored.versions.length > 0 && predicate(stored.message) ? stored.message : undefined;
    };
    return this.bot.world.changes.waitFor(
      check,
      timeoutMs,
      () => `an edit of message ${messageId} in chat ${chatId}; it reads ${JSON.stringify(this.message(chatId, messageId) ?? null)}`,
    );
  }

  waitForCallbackAnswer(queryId: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<CallbackAnswer> {
    return this.bot.world.changes.waitFor(
      () => this.callbackAnswer(queryId),
      timeoutMs,
      () => `an answer to callback query ${queryId}`,
    );
  }

  /** Waits for any condition on the local Bot API's state, re-checked after every change. */
  waitUntil(condition: () => boolean, timeoutMs = DEFAULT_TIMEOUT_MS, description = 'a condition'): Promise<true> {
    return this.bot.world.changes.waitFor(
      () => (condition() ? true : undefined),
      timeoutMs,
      () => description,
    );
  }

  private fileBytes(fileId: string): Buffer {
    const file = this.bot.files.get(fileId);
    if (!file) throw new Error(`Unknown file_id ${fileId}`);
    return file.bytes;
  }

  private openChat(user: LocalUser): ChatState {
    const chat = this.bot.chatWith(user);
    chat.user = user;
    if (chat.blocked) throw new Error(`${user.first_name} has blocked the bot; call userUnblocksBot first`);
    return chat;
  }

  private existingChat(userId: number): ChatState {
    const chat = this.bot.chats.get(userId);
    if (!chat) throw new Error(`User ${userId} has never written to the bot`);
    return chat;
  }

  private deliver(chat: ChatState, content: Partial<TgMessage>): TgMessage {
    const stored = this.bot.postUserMessage(chat, content);
    this.bot.pushUpdate('message', stored.message);
    return stored.message;
  }

  private setBlocked(chat: ChatState, blocked: boolean): void {
    if (chat.blocked === blocked) return;
    chat.blocked = blocked;
    const bot = this.bot.botUserJson();
    const [before, after] = blocked ? (['member', 'kicked'] as const) : (['kicked', 'member'] as const);
    this.bot.pushUpdate('my_chat_member', {
      chat: chat.chatJson(),
      from: userJson(chat.user),
      date: Math.floor(Date.now() / 1000),
      old_chat_member: before === 'kicked' ? { status: before, user: bot, until_date: 0 } : { status: before, user: bot },
      new_chat_member: after === 'kicked' ? { status: after, user: bot, until_date: 0 } : { status: after, user: bot },
    });
    this.bot.world.changes.notify();
  }
}
