import { DistributedLock, LockLease } from '../../domain/shared/ports/distributed-lock';
import { isKeyValueUnavailable } from '../../domain/shared/ports/key-value-unavailable-error';
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
  typeof v === 'object' &&
  v !== null &&
  typeof (v as OrderMessageRef).chatId === 'number' &&
  typeof (v as OrderMessageRef).messageId === 'number' &&
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

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs fn while holding the order's message: the bot (just placed the order) and the notifier (the order moved on)
 * each read the order fresh and rewrite its message inside, so the later writer always shows the later state and
 * a "paid" never overwrites a "delivered". Waits a little for the other; without the lock service it goes ahead.
 */
export async function withOrderMessageLock<T>(lock: DistributedLock, orderNo: string, fn: () => Promise<T>): Promise<T> {
  let lease: LockLease | null = null;
  for (let attempt = 0; attempt < 100 && lease === null; attempt++) {
    try {
      lease = await lock.acquire(`bot:order-message:${orderNo}`, 30_000);
    } catch (e) {
      if (!isKeyValueUnavailable(e)) throw e;
      break;
    }
    if (lease === null) await sleep(50);
  }
  try {
    return await fn();
  } finally {
    await lease?.release().catch(() => false);
  }
}
