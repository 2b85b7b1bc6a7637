/** What both wallets' notification records share: where delivery stands and when it is tried next. */
export interface RetriedNotification {
  status: 'pending' | 'acknowledged' | 'dropped' | 'gave_up';
  attempts: unknown[];
  nextAttemptAt?: string;
}

export interface NotificationRetriesOptions<N extends RetriedNotification> {
  clock: () => Date;
  /** Multiplies every interval of the schedule (0.001 turns 15 s into 15 ms). */
  timeScale: number;
  /** Seconds to wait after the 1st, 2nd, … unacknowledged attempt; past its end the notification is given up. */
  scheduleSeconds: ReadonlyArray<number>;
  keyOf: (n: N) => string;
  describe: (n: N) => string;
  attempt: (n: N) => Promise<void>;
  log: (line: string) => void;
}

/**
 * The timers of a provider's notifications (WeChat's and Alipay's stand-ins): each pending one is tried when due,
 * an unacknowledged attempt is rescheduled on the provider's schedule until it runs out, a restart picks up what
 * was pending, and `idle()`/`close()` see every timer and attempt in flight.
 */
export class NotificationRetries<N extends RetriedNotification> {
  /** Cancels the deliveries on the wire when the gateway closes. */
  readonly abort = new AbortController();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly inFlight = new Set<Promise<void>>();
  private stopped = false;

  constructor(private readonly o: NotificationRetriesOptions<N>) {}

  get closed(): boolean {
    return this.stopped;
  }

  /** Reschedules what a previous run left pending. */
  resume(notifications: ReadonlyArray<N>): void {
    const now = this.o.clock().getTime();
    for (const n of notifications) {
      if (n.status !== 'pending') continue;
      const due = n.nextAttemptAt ? Date.parse(n.nextAttemptAt) : now;
      this.schedule(n, Math.max(0, due - now));
    }
  }

  schedule(n: N, delayMs: number): void {
    if (this.stopped) return;
    const key = this.o.keyOf(n);
    n.nextAttemptAt = new Date(this.o.clock().getTime() + delayMs).toISOString();
    const timer = setTimeout(() => {
      this.timers.delete(key);
      const run = this.o
        .attempt(n)
        .catch((e: unknown) => this.o.log(`${this.o.describe(n)} attempt failed unexpectedly: ${(e as Error).message}`))
        .finally(() => this.inFlight.delete(run));
      this.inFlight.add(run);
    }, delayMs);
    this.timers.set(key, timer);
  }

  /** After an attempt (already recorded in `n.attempts`): done, given up, or tried again on the schedule. */
  settle(n: N, acknowledged: boolean): void {
    const retrySeconds = this.o.scheduleSeconds[n.attempts.length - 1];
    if (acknowledged) {
      n.status = 'acknowledged';
      delete n.nextAttemptAt;
    } else if (retrySeconds === undefined) {
      n.status = 'gave_up';
      delete n.nextAttemptAt;
      this.o.log(`${this.o.describe(n)} given up after ${n.attempts.length} attempts`);
    } else {
      this.schedule(n, retrySeconds * 1000 * this.o.timeScale);
    }
  }

  /** Resolves when nothing is scheduled or in flight (tests wait on this instead of sleeping). */
  async idle(): Promise<void> {
    while (this.timers.size > 0 || this.inFlight.size > 0) {
      await Promise.race([...this.inFlight, new Promise((r) => setTimeout(r, 5))]);
    }
  }

  async close(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.abort.abort();
    await Promise.allSettled([...this.inFlight]);
  }
}

/** Keeps the newest `kept` finished notifications (in list order), removing the rest in place; returns those removed. */
export function pruneFinished<N extends RetriedNotification>(notifications: N[], kept: number): N[] {
  const finished = notifications.filter((n) => n.status !== 'pending');
  const excess = finished.length - kept;
  if (excess <= 0) return [];
  const drop = new Set(finished.slice(0, excess));
  notifications.splice(0, notifications.length, ...notifications.filter((n) => !drop.has(n)));
  return [...drop];
}
