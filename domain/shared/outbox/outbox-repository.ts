import { OutboxEntry } from './topic';

/** Work to do after a commit (deliver an order, tell a shopper): written in the same transaction as the change. */
export interface OutboxMessage {
  id: number;
  topic: string;
  payload: Readonly<Record<string, unknown>>;
  /** Unique: the same fact is never queued twice (e.g. `deliver:T2026…`). */
  dedupeKey: string;
  attempts: number;
  nextAttemptAt: Date;
  status: 'PENDING' | 'DONE' | 'DEAD';
  lastError: string | null;
  createdAt: Date;
}

export interface OutboxRepository {
  /**
   * Queues the messages — in ONE statement when none was queued before, so a use case that queues a delivery and two
   * notices pays one round trip. Returns how many were new (a dedupe key seen before is skipped, not an error).
   */
  enqueue(entries: readonly OutboxEntry[], now: Date): Promise<number>;
  /**
   * Claims up to `limit` due PENDING messages for `owner` until `leaseUntil` (each by a conditional update, so two
   * dispatchers never hold the same message); expired leases are claimable again.
   */
  claimDue(owner: string, now: Date, leaseUntil: Date, limit: number): Promise<OutboxMessage[]>;
  /** PENDING → DONE, only by the current lease owner. */
  complete(id: number, owner: string, now: Date): Promise<boolean>;
  /** Back to PENDING at `nextAttemptAt` (or DEAD when `dead`), attempts + 1, lease dropped. */
  fail(id: number, owner: string, error: string, nextAttemptAt: Date, dead: boolean): Promise<boolean>;
  countByStatus(): Promise<Record<'PENDING' | 'DONE' | 'DEAD', number>>;
}
