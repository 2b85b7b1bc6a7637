import { Minor, minor } from '../shared/money';
import { OutboxEntry, defineTopic, optionalNumber, optionalText, text } from '../shared/outbox/topic';

export const SHOPPER_EVENTS = [
  'ORDER_PAID',
  'ORDER_DELIVERED',
  'ORDER_AWAITING_FULFILMENT',
  'ORDER_CLOSED',
  'ORDER_REFUNDED',
  'LATE_PAYMENT_DELIVERED',
  'LATE_PAYMENT_REFUNDED',
  'DUPLICATE_PAYMENT_REFUNDED',
  'CREDIT_ADJUSTED',
  'REFERRAL_REWARDED',
  'BACK_IN_STOCK',
  'SUPPORT_REPLY',
  // The marketplace: a seller's answer to a paid order, its shipping, its completion, a refund's progress.
  'SELLER_ORDER_CONFIRMED',
  'SELLER_ORDER_CANCELLED',
  'REFUND_STARTED',
  'ORDER_SHIPPED',
  'ORDER_COMPLETED',
  'SELLER_APPROVED',
  'SELLER_REJECTED',
] as const;
export type ShopperEvent = (typeof SHOPPER_EVENTS)[number];

export const ADMIN_EVENTS = [
  'FULFILMENT_NEEDED',
  'DELIVERY_STUCK',
  'ORDER_PAID',
  'REFUND_FAILED',
  'DUPLICATE_PAYMENT',
  'SUPPORT_UNANSWERED',
  'SELLER_APPLIED',
  'PAYOUT_REQUESTED',
] as const;
export type AdminEvent = (typeof ADMIN_EVENTS)[number];

export interface ShopperNotice {
  userId: string;
  event: ShopperEvent;
  orderNo?: string;
  amount?: Minor;
  /** The product a notice is about (BACK_IN_STOCK). */
  productId?: number;
  /** The support ticket a notice is about (SUPPORT_REPLY). */
  ticketId?: number;
  /** Words the notice carries: the product's title (BACK_IN_STOCK), staff's reply (SUPPORT_REPLY). */
  text?: string;
  /** Words the notice carries (a shop's name, a carrier and tracking number). */
  detail?: string;
}

/** What a seller hears: their shop's state, an order waiting for them, their money. */
export const SELLER_EVENTS = [
  'SELLER_APPROVED',
  'SELLER_REJECTED',
  'SELLER_SUSPENDED',
  'SELLER_REINSTATED',
  'TERMS_CHANGED',
  'ORDER_TO_CONFIRM',
  /** Confirmed, with goods the seller hands over themself (kind `manual`): it waits for their "fulfilled". */
  'ORDER_TO_FULFIL',
  'ORDER_AUTO_CANCELLED',
  'ORDER_RECEIVED',
  'SALE_CREDITED',
  'REFUND_CLAWED_BACK',
  'PAYOUT_PAID',
  'PAYOUT_CANCELLED',
] as const;
export type SellerEvent = (typeof SELLER_EVENTS)[number];

export interface SellerNotice {
  sellerId: number;
  event: SellerEvent;
  orderNo?: string;
  amount?: Minor;
  detail?: string;
}

/** How a seller is reached, read when the notice is sent (an e-mail set after the notice was queued still counts). */
export interface SellerRecipient {
  /** The Telegram chat; null for a shop without one (the house): its notices go to the admins' chats. */
  chatId: string | null;
  email: string | null;
  language: string | null;
}

/** A shop's ways to be reached as they are stored: its own address, and the address of the person who runs it. */
export interface SellerContact {
  chatId: string | null;
  /** The shop's own address (the seller API's profile); null when it has none. */
  shopEmail: string | null;
  /** The address the Telegram user who runs the shop gave for their notices (`/email`, the account API). */
  runnerEmail: string | null;
  language: string | null;
}

/**
 * Where a shop's mail goes: its own address, else the address of the person who runs it — so a seller who gives
 * their address once (as a shopper, in chat) gets their shop's mail there too, and a shop's own address wins.
 */
export const sellerRecipientOf = (contact: SellerContact): SellerRecipient => ({
  chatId: contact.chatId,
  email: contact.shopEmail ?? contact.runnerEmail,
  language: contact.language,
});

export interface AdminNotice {
  event: AdminEvent;
  orderNo?: string;
  detail?: string;
}

/**
 * Where notices finally go: implemented outside the domain by each channel (the bot's chats, the log; mail later).
 * Notices ride the outbox, so none is sent for a change that rolled back.
 */
export interface Notifier {
  notifyShopper(notice: ShopperNotice): Promise<void>;
  notifyAdmins(notice: AdminNotice): Promise<void>;
  notifySeller(notice: SellerNotice, to: SellerRecipient): Promise<void>;
}

const oneOf = <T extends string>(values: readonly T[], value: unknown): T | null => values.find((v) => v === value) ?? null;

export const shopperNoticeTopic = defineTopic<ShopperNotice>('notify.shopper', (p) => {
  const userId = text(p.userId);
  const event = oneOf(SHOPPER_EVENTS, p.event);
  if (userId === null || event === null) return null;
  const orderNo = optionalText(p.orderNo);
  const amount = optionalNumber(p.amount);
  if (amount !== undefined && !Number.isSafeInteger(amount)) return null;
  const productId = optionalNumber(p.productId);
  if (productId !== undefined && !Number.isSafeInteger(productId)) return null;
  const ticketId = optionalNumber(p.ticketId);
  if (ticketId !== undefined && !Number.isSafeInteger(ticketId)) return null;
  const words = optionalText(p.text);
  const detail = optionalText(p.detail);
  return {
    userId,
    event,
    ...(orderNo !== undefined ? { orderNo } : {}),
    ...(amount !== undefined ? { amount: minor(amount) } : {}),
    ...(productId !== undefined ? { productId } : {}),
    ...(ticketId !== undefined ? { ticketId } : {}),
    ...(words !== undefined ? { text: words } : {}),
    ...(detail !== undefined ? { detail } : {}),
  };
});

export const sellerNoticeTopic = defineTopic<SellerNotice>('notify.seller', (p) => {
  const sellerId = optionalNumber(p.sellerId);
  const event = oneOf(SELLER_EVENTS, p.event);
  if (sellerId === undefined || !Number.isSafeInteger(sellerId) || sellerId < 1 || event === null) return null;
  const orderNo = optionalText(p.orderNo);
  const amount = optionalNumber(p.amount);
  if (amount !== undefined && !Number.isSafeInteger(amount)) return null;
  const detail = optionalText(p.detail);
  return {
    sellerId,
    event,
    ...(orderNo !== undefined ? { orderNo } : {}),
    ...(amount !== undefined ? { amount: minor(amount) } : {}),
    ...(detail !== undefined ? { detail } : {}),
  };
});

export const adminNoticeTopic = defineTopic<AdminNotice>('notify.admins', (p) => {
  const event = oneOf(ADMIN_EVENTS, p.event);
  if (event === null) return null;
  const orderNo = optionalText(p.orderNo);
  const detail = optionalText(p.detail);
  return { event, ...(orderNo !== undefined ? { orderNo } : {}), ...(detail !== undefined ? { detail } : {}) };
});

/** A notice for one shopper; `dedupe` names the fact (an order number, a refund), so it is queued once. */
export const shopperNotice = (notice: ShopperNotice, dedupe: string): OutboxEntry => shopperNoticeTopic.message(notice, `shopper:${notice.event}:${dedupe}`);

export const adminNotice = (notice: AdminNotice, dedupe: string): OutboxEntry => adminNoticeTopic.message(notice, `admins:${notice.event}:${dedupe}`);

/** A notice for one seller (chat, and mail when they have an address); `dedupe` names the fact, so it is queued once. */
export const sellerNotice = (notice: SellerNotice, dedupe: string): OutboxEntry => sellerNoticeTopic.message(notice, `seller:${notice.event}:${dedupe}`);
