import type { DistributedLock } from '../../domain/shared/ports/distributed-lock';
import type { SessionStore } from '../../domain/shared/ports/session-store';
import type { SharedFlight } from '../../domain/shared/ports/shared-flight';

export interface LeasedFlightOptions {
  /** How long a waiter polls for the runner's outcome; also the runner's lease (a crashed runner frees it then). */
  waitMs?: number;
  pollMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * `SharedFlight` over the lock (SET NX PX lease, compare-and-delete release) and the JSON store (the outcome, kept
 * PX interval): on Redis it holds across instances, on the in-process twins within one process.
 */
export class LeasedSharedFlight implements SharedFlight {
  private readonly waitMs: number;
  private readonly pollMs: number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly lock: DistributedLock,
    private readonly store: SessionStore,
    options: LeasedFlightOptions = {},
  ) {
    this.waitMs = options.waitMs ?? 10_000;
    this.pollMs = options.pollMs ?? 50;
    this.sleep = options.sleep ?? sleep;
  }

  async once<T>(key: string, intervalMs: number, work: () => Promise<T>): Promise<T | undefined> {
    const resultKey = `flight:${key}`;
    const started = Date.now();
    for (;;) {
      const kept = (await this.store.get(resultKey)) as { value: T } | undefined;
      if (kept !== undefined) return kept.value;
      const lease = await this.lock.acquire(`flight:${key}`, this.waitMs);
      if (lease) {
        try {
          // Asked again while we took the lease: someone finished between our read and our SET NX.
          const raced = (await this.store.get(resultKey)) as { value: T } | undefined;
          if (raced !== undefined) return raced.value;
          const value = await work();
          await this.store.set(resultKey, { value }, intervalMs);
          return value;
        } finally {
          await lease.release().catch(() => false);
        }
      }
      if (Date.now() - started >= this.waitMs) return undefined;
      await this.sleep(this.pollMs);
    }
  }
}
