/** Work to do after a commit (deliver an order, tell a shopper): written in the same transaction as the change. */
export interface OutboxMessage {
  id: number;
  topic: string;
  payload: Record<string, unknown>;
  /** Unique: the same fact is never queued twice (e.g. `deliver:T2026…`). */
  dedupeKey: string;
  attempts: number;
  nextAttemptAt: Date;
  status: 'PENDING' | 'DONE' | 'DEAD';
  lastError: string | null;
  createdAt: Date;
}

export interface NewOutboxMessage {
  topic: string;
  payload: Record<string, unknown>;
  dedupeKey: string;
}

export interface OutboxRepository {
  /** False when a message with that dedupe key exists already. */
  add(message: NewOutboxMessage, now: Date): Promise<boolean>;
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
