import { Tx } from './unit-of-work';

/** Outbox topics. Delivery and every message to a person ride the outbox, so none is sent for a rolled-back change. */
export const TOPIC_DELIVER_ORDER = 'order.deliver';
export const TOPIC_NOTIFY_SHOPPER = 'notify.shopper';
export const TOPIC_NOTIFY_ADMINS = 'notify.admins';

export type ShopperEvent =
  | 'ORDER_PAID'
  | 'ORDER_DELIVERED'
  | 'ORDER_AWAITING_FULFILMENT'
  | 'ORDER_CLOSED'
  | 'ORDER_REFUNDED'
  | 'LATE_PAYMENT_DELIVERED'
  | 'LATE_PAYMENT_REFUNDED'
  | 'CREDIT_ADJUSTED';

export type AdminEvent = 'FULFILMENT_NEEDED' | 'DELIVERY_STUCK' | 'ORDER_PAID' | 'REFUND_FAILED';

export interface ShopperNotice {
  userId: string;
  event: ShopperEvent;
  orderNo?: string;
  amount?: number;
}

export interface AdminNotice {
  event: AdminEvent;
  orderNo?: string;
  detail?: string;
}

/** Where notices finally go (the bot, a log): implemented outside the domain. */
export interface Notifier {
  notifyShopper(notice: ShopperNotice): Promise<void>;
  notifyAdmins(notice: AdminNotice): Promise<void>;
}

export async function queueShopperNotice(tx: Tx, notice: ShopperNotice, now: Date, dedupe: string): Promise<void> {
  await tx.outbox.add({ topic: TOPIC_NOTIFY_SHOPPER, payload: { ...notice }, dedupeKey: `shopper:${notice.event}:${dedupe}` }, now);
}

export async function queueAdminNotice(tx: Tx, notice: AdminNotice, now: Date, dedupe: string): Promise<void> {
  await tx.outbox.add({ topic: TOPIC_NOTIFY_ADMINS, payload: { ...notice }, dedupeKey: `admins:${notice.event}:${dedupe}` }, now);
}

export async function queueDelivery(tx: Tx, orderNo: string, now: Date): Promise<void> {
  await tx.outbox.add({ topic: TOPIC_DELIVER_ORDER, payload: { orderNo }, dedupeKey: `deliver:${orderNo}` }, now);
}
