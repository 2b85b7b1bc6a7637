import type { CallRoute } from './call-routes';
import type { TokenBucket } from './token-bucket';

/** One Bot API call: its method and payload say where it queues; `attempt` makes one HTTP request. */
export interface OutgoingCall<T> {
  method: string;
  payload: unknown;
  attempt(signal: AbortSignal | undefined): Promise<T>;
}

export interface QueuedCallOptions {
  /** Give up if it is not sent within this long of being queued (default limits.maxWaitMs). */
  deadlineMs?: number;
  /** Withdraws the call while it waits; aborts an attempt on the wire too (whose outcome is then unknown). */
  signal?: AbortSignal;
}

export interface OutgoingQueueStats {
  /** Calls waiting for their turn (not yet on the wire). */
  queued: number;
  inFlight: number;
  sent: number;
  /** Attempts Telegram refused with 429 and that were retried after retry_after. */
  retried429: number;
  /** Attempts retried after a 5xx or a connection that never got through. */
  retriedTransient: number;
  /** Calls that rejected: Telegram refused them, their outcome is unknown, or they expired. */
  failed: number;
  /** Of the failed: given up unsent at their deadline. */
  expired: number;
  /** Calls that skipped the queue (answers to callback queries, getters, polling). */
  bypassed: number;
}

// The queue's own bookkeeping (not part of its API): a queued call, and the line of calls for one chat.
export interface Job {
  seq: number;
  call: OutgoingCall<unknown>;
  route: CallRoute;
  queuedAt: number;
  deadline: number;
  signal: AbortSignal | undefined;
  transientRetries: number;
  /** Telegram's last refusal, shown when the call expires. */
  lastError: unknown;
  settle(outcome: { value: unknown } | { error: unknown }): void;
}

export interface Lane {
  key: string;
  waiting: Job[];
  /** On the wire: the next call of this chat waits for its answer, which keeps the chat's order. */
  current: Job | null;
  pausedUntil: number;
  bucket: TokenBucket;
}
