import type { RateLimiter } from '../../domain/shared/ports/rate-limiter';
import type { Logger } from '../../infrastructure/logging/logger';
import { routeCall } from './call-routes';
import { GlobalSendBudget } from './global-send-budget';
import type { Job, Lane, OutgoingCall, OutgoingQueueStats, QueuedCallOptions } from './outgoing-call';
import { OutcomeUnknownError, OutgoingCallExpiredError, OutgoingCallWithdrawnError, OutgoingQueueClosedError } from './sending-errors';
import { SendingLimits, sendingLimits } from './sending-limits';
import { classifyFailure } from './telegram-failure';
import { TokenBucket } from './token-bucket';
import { WakeableSleep } from './wakeable-sleep';

export type { OutgoingCall, OutgoingQueueStats, QueuedCallOptions };

export interface OutgoingQueueOptions {
  rateLimiter: RateLimiter;
  logger: Logger;
  limits?: Partial<SendingLimits>;
  /** The rate-limiter key of the bot-wide budget; every instance of one bot must use the same key. */
  budgetKey?: string;
}

/** Forget quiet chats once this many are remembered (their buckets are full again, so nothing is lost). */
const LANE_SWEEP_THRESHOLD = 5_000;

/**
 * Every Bot API call that writes to a chat goes through here: one call at a time per chat, in the order made,
 * about perChatPerSecond per chat and globalPerSecond bot-wide; a 429 waits retry_after and sends the same call
 * again; nothing is dropped (a call only fails by Telegram's refusal, an unknown outcome, or its deadline) and
 * nothing is sent twice (a call whose request may have arrived is never repeated).
 */
export class OutgoingQueue {
  readonly limits: SendingLimits;
  private readonly budget: GlobalSendBudget;
  private readonly logger: Logger;
  private readonly lanes = new Map<string, Lane>();
  private readonly active = new Set<Lane>();
  private readonly counters = { sent: 0, retried429: 0, retriedTransient: 0, failed: 0, expired: 0, bypassed: 0 };
  private seq = 0;
  private inFlight = 0;
  private looping = false;
  private closed = false;
  private readonly sleeper = new WakeableSleep();
  private idleWaiters: Array<() => void> = [];
  private lastFlood: { lane: string; at: number } | null = null;

  constructor(options: OutgoingQueueOptions) {
    this.limits = sendingLimits(options.limits);
    this.logger = options.logger;
    this.budget = new GlobalSendBudget(
      options.rateLimiter,
      options.budgetKey ?? 'telegram:send',
      this.limits.globalPerSecond,
      this.limits.limiterRetryMs,
      options.logger,
    );
  }

  /** Runs the call in its turn; resolves with its result, or rejects with Telegram's error or one of sending-errors. */
  run<T>(call: OutgoingCall<T>, options: QueuedCallOptions = {}): Promise<T> {
    const route = routeCall(call.method, call.payload);
    if (!route) {
      this.counters.bypassed += 1;
      return call.attempt(options.signal);
    }
    if (this.closed) return Promise.reject(new OutgoingQueueClosedError(call.method, route.lane));
    if (options.signal?.aborted) return Promise.reject(new OutgoingCallWithdrawnError(call.method, route.lane, options.signal.reason));
    return new Promise<T>((resolve, reject) => {
      const now = Date.now();
      const onAbort = (): void => this.kick();
      const job: Job = {
        seq: ++this.seq,
        call,
        route,
        queuedAt: now,
        deadline: now + (options.deadlineMs ?? this.limits.maxWaitMs),
        signal: options.signal,
        transientRetries: 0,
        lastError: undefined,
        settle: (outcome) => {
          options.signal?.removeEventListener('abort', onAbort);
          if ('value' in outcome) resolve(outcome.value as T);
          else reject(outcome.error);
        },
      };
      options.signal?.addEventListener('abort', onAbort, { once: true });
      const lane = this.laneFor(route.lane, now);
      lane.waiting.push(job);
      this.active.add(lane);
      this.kick();
    });
  }

  stats(): OutgoingQueueStats {
    let queued = 0;
    for (const lane of this.active) queued += lane.waiting.length;
    return { queued, inFlight: this.inFlight, ...this.counters };
  }

  /** Resolves once nothing waits and nothing is on the wire. */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Rejects every waiting call (never sent) and takes no more; calls on the wire finish normally. */
  close(): void {
    this.closed = true;
    for (const lane of this.active) {
      for (const job of lane.waiting.splice(0)) this.fail(job, new OutgoingQueueClosedError(job.call.method, lane.key));
    }
    this.afterChange();
  }

  private laneFor(key: string, now: number): Lane {
    let lane = this.lanes.get(key);
    if (!lane) {
      if (this.lanes.size >= LANE_SWEEP_THRESHOLD) this.sweepQuietLanes(now);
      lane = { key, waiting: [], current: null, pausedUntil: 0, bucket: new TokenBucket(this.limits.perChatPerSecond, this.limits.perChatBurst, now) };
      this.lanes.set(key, lane);
    }
    return lane;
  }

  private sweepQuietLanes(now: number): void {
    for (const [key, lane] of this.lanes) {
      if (!this.active.has(lane) && lane.pausedUntil <= now && lane.bucket.isFull(now)) this.lanes.delete(key);
    }
  }

  private kick(): void {
    if (this.looping) {
      this.sleeper.wake();
      return;
    }
    this.looping = true;
    void this.loop()
      .catch((error: unknown) => this.logger.error({ err: error }, 'outgoing queue: scheduler failed; restarting it'))
      .finally(() => {
        this.looping = false;
        if (!this.closed && this.hasWaiting()) setImmediate(() => this.kick());
      });
  }

  /** Picks the oldest call that may go now, takes its budget and starts it; sleeps until something can go. */
  private async loop(): Promise<void> {
    while (!this.closed) {
      const now = Date.now();
      const nextDeadline = this.dropUnsendable(now);
      const pick = this.nextReady(now);
      if (pick.lane) {
        const { lane, job } = pick;
        if (job.route.paced) {
          const waitMs = await this.budget.tryTake();
          if (waitMs > 0) {
            await this.sleeper.sleep(Math.min(waitMs, Math.max(1, nextDeadline - now)));
            continue;
          }
          // The budget is spent either way; if the call was withdrawn meanwhile, the slot simply goes unused.
          if (lane.waiting[0] !== job || lane.current !== null) continue;
        }
        this.start(lane, job);
        continue;
      }
      const waitMs = Math.min(pick.waitMs, nextDeadline - now);
      if (!Number.isFinite(waitMs)) return;
      await this.sleeper.sleep(Math.max(1, waitMs));
    }
  }

  /** Rejects waiting calls that were withdrawn or ran out of time; returns the nearest remaining deadline. */
  private dropUnsendable(now: number): number {
    let nearest = Infinity;
    for (const lane of this.active) {
      if (lane.waiting.length === 0) continue;
      const keep: Job[] = [];
      for (const job of lane.waiting) {
        if (job.signal?.aborted) this.fail(job, new OutgoingCallWithdrawnError(job.call.method, lane.key, job.signal.reason));
        else if (job.deadline <= now) this.expire(job, lane.key, now);
        else {
          keep.push(job);
          nearest = Math.min(nearest, job.deadline);
        }
      }
      lane.waiting = keep;
      if (keep.length === 0 && lane.current === null) this.active.delete(lane);
    }
    return nearest;
  }

  private nextReady(now: number): { lane: Lane; job: Job; waitMs: 0 } | { lane: null; waitMs: number } {
    let best: { lane: Lane; job: Job; waitMs: 0 } | null = null;
    let waitMs = Infinity;
    const globalWait = this.budget.pausedForMs(now);
    for (const lane of this.active) {
      const head = lane.waiting[0];
      if (lane.current !== null || head === undefined) continue;
      let wait = Math.max(0, lane.pausedUntil - now);
      if (head.route.paced) wait = Math.max(wait, lane.bucket.readyInMs(now), globalWait);
      if (wait > 0) waitMs = Math.min(waitMs, wait);
      else if (!best || head.seq < best.job.seq) best = { lane, job: head, waitMs: 0 };
    }
    return best ?? { lane: null, waitMs };
  }

  private start(lane: Lane, job: Job): void {
    lane.waiting.shift();
    lane.current = job;
    if (job.route.paced) lane.bucket.take(Date.now());
    this.inFlight += 1;
    void this.attempt(lane, job);
  }

  private async attempt(lane: Lane, job: Job): Promise<void> {
    const timeout = AbortSignal.timeout(this.limits.attemptTimeoutMs);
    const signal = job.signal ? AbortSignal.any([job.signal, timeout]) : timeout;
    try {
      const value = await job.call.attempt(signal);
      this.counters.sent += 1;
      job.settle({ value });
    } catch (error) {
      this.handleFailure(lane, job, error, signal.aborted);
    } finally {
      lane.current = null;
      this.inFlight -= 1;
      if (lane.waiting.length === 0) this.active.delete(lane);
      this.afterChange();
    }
  }

  private handleFailure(lane: Lane, job: Job, error: unknown, aborted: boolean): void {
    const now = Date.now();
    const failure = classifyFailure(error, aborted);
    job.lastError = error;
    switch (failure.kind) {
      case 'flood': {
        this.counters.retried429 += 1;
        const until = now + failure.retryAfterMs;
        lane.pausedUntil = Math.max(lane.pausedUntil, until);
        const botWide = this.lastFlood !== null && this.lastFlood.lane !== lane.key && now - this.lastFlood.at <= this.limits.globalFloodWindowMs;
        if (botWide) this.budget.pauseUntil(until);
        this.lastFlood = { lane: lane.key, at: now };
        this.logger.warn(
          { method: job.call.method, lane: lane.key, retryAfterMs: failure.retryAfterMs, botWide },
          'telegram flood limit (429): waiting retry_after, then sending the same call again',
        );
        this.retryLater(lane, job, until, now);
        return;
      }
      case 'transient': {
        if (job.transientRetries >= this.limits.maxTransientRetries) {
          this.fail(job, error);
          return;
        }
        const backoff = Math.min(this.limits.transientBackoffMs * 2 ** job.transientRetries, this.limits.transientBackoffMaxMs);
        job.transientRetries += 1;
        this.counters.retriedTransient += 1;
        lane.pausedUntil = Math.max(lane.pausedUntil, now + backoff);
        this.logger.warn(
          { method: job.call.method, lane: lane.key, backoffMs: backoff, retry: job.transientRetries, err: error },
          'telegram call failed before it was processed; retrying',
        );
        this.retryLater(lane, job, now + backoff, now);
        return;
      }
      case 'unknown':
        this.logger.warn({ method: job.call.method, lane: lane.key, err: error }, 'telegram call outcome unknown; not retried');
        this.fail(job, new OutcomeUnknownError(job.call.method, lane.key, error));
        return;
      case 'final':
        this.fail(job, error);
        return;
    }
  }

  /** Back to the head of its lane (its order kept), unless it could only go after its deadline. */
  private retryLater(lane: Lane, job: Job, notBefore: number, now: number): void {
    if (this.closed) this.fail(job, new OutgoingQueueClosedError(job.call.method, lane.key));
    else if (notBefore > job.deadline) this.expire(job, lane.key, now);
    else {
      lane.waiting.unshift(job);
      this.active.add(lane);
    }
  }

  private expire(job: Job, lane: string, now: number): void {
    this.counters.expired += 1;
    this.fail(job, new OutgoingCallExpiredError(job.call.method, lane, now - job.queuedAt, job.lastError));
  }

  private fail(job: Job, error: unknown): void {
    this.counters.failed += 1;
    job.settle({ error });
  }

  private hasWaiting(): boolean {
    for (const lane of this.active) if (lane.waiting.length > 0) return true;
    return false;
  }

  private isIdle(): boolean {
    return this.inFlight === 0 && !this.hasWaiting();
  }

  private afterChange(): void {
    if (this.isIdle() && this.idleWaiters.length > 0) {
      for (const resolve of this.idleWaiters.splice(0)) resolve();
    }
    this.kick();
  }
}
