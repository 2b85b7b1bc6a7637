import { answerCallbackQuery, deleteMyCommands, getChat, getFile, getMe, getMyCommands, setMyCommands } from './bot-methods';
import { deleteMessage, editMessageCaption, editMessageReplyMarkup, editMessageText } from './edit-methods';
import { answerInlineQuery } from './inline-methods';
import { copyMessage } from './copy-message';
import { closeForumTopic, createForumTopic, reopenForumTopic } from './forum-methods';
import type { MethodHandler } from './method-context';
import { answerPreCheckoutQuery, createInvoiceLink, refundStarPayment, sendInvoice } from './payment-methods';
import { sendChatAction, sendDocument, sendMessage, sendPhoto } from './send-methods';
import { deleteWebhook, getUpdates, getWebhookInfo, setWebhook } from './update-methods';

const HANDLERS: Record<string, MethodHandler> = {
  getMe,
  getUpdates,
  setWebhook,
  deleteWebhook,
  getWebhookInfo,
  sendMessage,
  sendPhoto,
  sendDocument,
  sendChatAction,
  copyMessage,
  createForumTopic,
  closeForumTopic,
  reopenForumTopic,
  editMessageText,
  editMessageCaption,
  editMessageReplyMarkup,
  deleteMessage,
  answerCallbackQuery,
  answerInlineQuery,
  getFile,
  getChat,
  setMyCommands,
  getMyCommands,
  deleteMyCommands,
  sendInvoice,
  createInvoiceLink,
  answerPreCheckoutQuery,
  refundStarPayment,
};

/** Telegram matches method names case-insensitively. */
const BY_LOWER_NAME = new Map(Object.entries(HANDLERS).map(([name, handler]) => [name.toLowerCase(), { name, handler }]));

export const findMethod = (name: string): { name: string; handler: MethodHandler } | undefined => BY_LOWER_NAME.get(name.toLowerCase());

/** Methods whose messages count against Telegram's flood limits. */
export const SEND_METHODS: ReadonlySet<string> = new Set(['sendMessage', 'sendPhoto', 'sendDocument', 'sendInvoice', 'copyMessage']);

/**
 * Real Bot API methods the local Bot API does not speak. They are answered with a loud 501 rather than
 * Telegram's 404, so a test that reaches one learns that the local Bot API, not the bot, is missing something.
 */
const UNSPOKEN = new Set(
  [
    'logOut',
    'close',
    'forwardMessage',
    'forwardMessages',
    'copyMessages',
    'sendAudio',
    'sendVideo',
    'sendAnimation',
    'sendVoice',
    'sendVideoNote',
    'sendPaidMedia',
    'sendMediaGroup',
    'sendLocation',
    'sendVenue',
    'sendContact',
    'sendPoll',
    'sendDice',
    'sendSticker',
    'sendGame',
    'setMessageReaction',
    'getUserProfilePhotos',
    'editMessageMedia',
    'editMessageLiveLocation',
    'stopMessageLiveLocation',
    'stopPoll',
    'deleteMessages',
    'pinChatMessage',
    'unpinChatMessage',
    'unpinAllChatMessages',
    'leaveChat',
    'getChatMember',
    'getChatAdministrators',
    'getChatMemberCount',
    'banChatMember',
    'unbanChatMember',
    'restrictChatMember',
    'promoteChatMember',
    'setChatMenuButton',
    'getChatMenuButton',
    'setMyDescription',
    'getMyDescription',
    'setMyShortDescription',
    'getMyShortDescription',
    'setMyName',
    'getMyName',
    'answerShippingQuery',
    'answerWebAppQuery',
    'getStarTransactions',
    'setMyDefaultAdministratorRights',
    'getMyDefaultAdministratorRights',
    'exportChatInviteLink',
  ].map((name) => name.toLowerCase()),
);

export const isUnspokenMethod = (name: string): boolean => UNSPOKEN.has(name.toLowerCase());
