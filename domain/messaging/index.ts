// The messaging context's public face: what other contexts and the doors may use.
export { messagingContext } from './messaging-context';
export type { MessagingDeps, MessagingRepositories, RecipientDirectory, SellerRecipientDirectory } from './messaging-deps';
export {
  ADMIN_EVENTS,
  SELLER_EVENTS,
  SHOPPER_EVENTS,
  adminNotice,
  adminNoticeTopic,
  sellerNotice,
  sellerNoticeTopic,
  sellerRecipientOf,
  shopperNotice,
  shopperNoticeTopic,
} from './notices';
export type { AdminEvent, AdminNotice, Notifier, SellerContact, SellerEvent, SellerNotice, SellerRecipient, ShopperEvent, ShopperNotice } from './notices';
export { BROADCAST_BATCH_SIZE, MAX_BROADCAST_TEXT, broadcastDedupeKey, broadcastSendTopic, readBroadcastSend, startBroadcast } from './broadcast';
export type { BroadcastSend, StartBroadcast } from './broadcast';
export { MAIL_RETRY, mailNotice, mailNoticeTopic, sellerMailNotice, sellerMailNoticeTopic } from './notice-mail';
export type { MailContact, NoticeMailer } from './notice-mail';
