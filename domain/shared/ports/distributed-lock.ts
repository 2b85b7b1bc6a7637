/** A lock held by one process of many until it is released or its time runs out. */
export interface LockLease {
  readonly key: string;
  /** Unique to this acquisition, so a holder whose lease lapsed can never free or prolong a successor's lock. */
  readonly token: string;
  /** True when this lease still held the lock and freed it; false when it had lapsed or was taken over. */
  release(): Promise<boolean>;
  /** Resets the remaining time to ttlMs; false when this lease no longer holds the lock. */
  extend(ttlMs: number): Promise<boolean>;
}

/** Mutual exclusion across processes (one instance per scheduled job fire). Throws KeyValueUnavailableError when the backing store cannot answer. */
export interface DistributedLock {
  /** The lease, or null when someone else holds the key. Never waits for the lock to become free. */
  acquire(key: string, ttlMs: number): Promise<LockLease | null>;
}

export type LockOutcome<T> = { readonly acquired: false } | { readonly acquired: true; readonly value: T };

/**
 * Runs fn only if the lock is free, and always gives the lock back afterwards. fn receives the lease so a long
 * run can extend it.
 */
export async function withLock<T>(lock: DistributedLock, key: string, ttlMs: number, fn: (lease: LockLease) => Promise<T>): Promise<LockOutcome<T>> {
  const lease = await lock.acquire(key, ttlMs);
  if (!lease) return { acquired: false };
  try {
    return { acquired: true, value: await fn(lease) };
  } finally {
    // A release that fails (store briefly down) must not turn finished work into a failure or hide fn's own
    // error: the lease expires by its TTL anyway.
    await lease.release().catch(() => false);
  }
}
