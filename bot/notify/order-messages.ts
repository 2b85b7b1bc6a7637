import { SessionStore } from '../../domain/shared/ports/session-store';

/** The chat message that stands for an order (its QR photo, or the "paid with credit" text), edited as it moves on. */
export interface OrderMessageRef {
  chatId: number;
  messageId: number;
  media: 'photo' | 'text';
}

/** Long enough to cover the pay window, delivery and most refunds; after that a notice arrives as a new message. */
const KEEP_MS = 30 * 24 * 3_600_000;

const isRef = (v: unknown): v is OrderMessageRef =>
  typeof v === 'object' && v !== null && typeof (v as OrderMessageRef).chatId === 'number' && typeof (v as OrderMessageRef).messageId === 'number' &&
  ((v as OrderMessageRef).media === 'photo' || (v as OrderMessageRef).media === 'text');

/** Kept in the shared store, so the replica that hears "paid" edits the message another replica sent. */
export class OrderMessages {
  constructor(private readonly store: SessionStore) {}

  async remember(orderNo: string, ref: OrderMessageRef): Promise<void> {
    await this.store.set(`bot:order-message:${orderNo}`, ref, KEEP_MS);
  }

  async find(orderNo: string): Promise<OrderMessageRef | null> {
    const value = await this.store.get(`bot:order-message:${orderNo}`);
    return isRef(value) ? value : null;
  }
}
