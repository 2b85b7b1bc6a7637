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
] as const;
export type ShopperEvent = (typeof SHOPPER_EVENTS)[number];

export const ADMIN_EVENTS = ['FULFILMENT_NEEDED', 'DELIVERY_STUCK', 'ORDER_PAID', 'REFUND_FAILED', 'DUPLICATE_PAYMENT', 'SUPPORT_UNANSWERED'] as const;
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
}

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
  return {
    userId,
    event,
    ...(orderNo !== undefined ? { orderNo } : {}),
    ...(amount !== undefined ? { amount: minor(amount) } : {}),
    ...(productId !== undefined ? { productId } : {}),
    ...(ticketId !== undefined ? { ticketId } : {}),
    ...(words !== undefined ? { text: words } : {}),
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
