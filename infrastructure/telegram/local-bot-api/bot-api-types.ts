// The JSON shapes the local Bot API hands out, named and shaped as the Bot API documents them
// (https://core.telegram.org/bots/api). Only the fields the local Bot API actually produces are listed.

export interface TgUser {
  id: number;
  is_bot: boolean;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

export interface TgBotUser extends TgUser {
  can_join_groups: boolean;
  can_read_all_group_messages: boolean;
  supports_inline_queries: boolean;
  can_connect_to_business: boolean;
  has_main_web_app: boolean;
}

export interface TgChat {
  id: number;
  /** Private chats with one person, or supergroups (a forum supergroup has topics). */
  type: 'private' | 'supergroup';
  title?: string;
  is_forum?: true;
  first_name?: string;
  last_name?: string;
  username?: string;
}

export interface TgMessageEntity {
  type: string;
  offset: number;
  length: number;
  url?: string;
  user?: TgUser;
  language?: string;
  custom_emoji_id?: string;
}

export interface TgPhotoSize {
  file_id: string;
  file_unique_id: string;
  width: number;
  height: number;
  file_size: number;
}

export interface TgDocument {
  file_id: string;
  file_unique_id: string;
  file_name?: string;
  mime_type?: string;
  file_size: number;
}

export interface TgInlineKeyboardButton {
  text: string;
  callback_data?: string;
  url?: string;
  [other: string]: unknown;
}

export interface TgInlineKeyboardMarkup {
  inline_keyboard: TgInlineKeyboardButton[][];
}

export interface TgMessage {
  message_id: number;
  from?: TgUser;
  chat: TgChat;
  date: number;
  edit_date?: number;
  /** The forum topic a supergroup message belongs to (its id is the topic's creation message's id). */
  message_thread_id?: number;
  is_topic_message?: true;
  reply_to_message?: TgMessage;
  has_protected_content?: true;
  forum_topic_created?: TgForumTopicCreated;
  text?: string;
  entities?: TgMessageEntity[];
  caption?: string;
  caption_entities?: TgMessageEntity[];
  photo?: TgPhotoSize[];
  document?: TgDocument;
  invoice?: TgInvoice;
  successful_payment?: TgSuccessfulPayment;
  refunded_payment?: TgRefundedPayment;
  reply_markup?: TgInlineKeyboardMarkup;
}

export interface TgInvoice {
  title: string;
  description: string;
  start_parameter: string;
  currency: string;
  total_amount: number;
}

export interface TgSuccessfulPayment {
  currency: string;
  total_amount: number;
  invoice_payload: string;
  telegram_payment_charge_id: string;
  provider_payment_charge_id: string;
}

export interface TgRefundedPayment {
  currency: string;
  total_amount: number;
  invoice_payload: string;
  telegram_payment_charge_id: string;
}

export interface TgPreCheckoutQuery {
  id: string;
  from: TgUser;
  currency: string;
  total_amount: number;
  invoice_payload: string;
}

export interface TgForumTopicCreated {
  name: string;
  icon_color: number;
}

/** What createForumTopic answers. */
export interface TgForumTopic {
  message_thread_id: number;
  name: string;
  icon_color: number;
}

export interface TgCallbackQuery {
  id: string;
  from: TgUser;
  message?: TgMessage;
  chat_instance: string;
  data?: string;
}

export interface TgChatMemberUpdated {
  chat: TgChat;
  from: TgUser;
  date: number;
  old_chat_member: { status: 'member' | 'kicked'; user: TgUser; until_date?: number };
  new_chat_member: { status: 'member' | 'kicked'; user: TgUser; until_date?: number };
}

export interface TgBotCommand {
  command: string;
  description: string;
}

/** Every update type name the Bot API knows; `allowed_updates` is checked against this list. */
export const UPDATE_TYPES = [
  'message',
  'edited_message',
  'channel_post',
  'edited_channel_post',
  'business_connection',
  'business_message',
  'edited_business_message',
  'deleted_business_messages',
  'message_reaction',
  'message_reaction_count',
  'inline_query',
  'chosen_inline_result',
  'callback_query',
  'shipping_query',
  'pre_checkout_query',
  'purchased_paid_media',
  'poll',
  'poll_answer',
  'my_chat_member',
  'chat_member',
  'chat_join_request',
  'chat_boost',
  'removed_chat_boost',
] as const;

export type UpdateType = (typeof UPDATE_TYPES)[number];

/** Telegram leaves these out unless a bot asks for them by name. */
export const OPT_IN_UPDATE_TYPES: readonly UpdateType[] = ['chat_member', 'message_reaction', 'message_reaction_count'];

export type TgUpdate = { update_id: number } & Partial<Record<UpdateType, unknown>>;

export type ApiResponse =
  | { ok: true; result: unknown; description?: string }
  | { ok: false; error_code: number; description: string; parameters?: { retry_after?: number; migrate_to_chat_id?: number } };
