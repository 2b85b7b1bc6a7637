import axios, { AxiosInstance } from 'axios';
import { PlatformSigner } from './platform-signer';
import { tamperCiphertext } from './notification-envelope';
import { SandboxKnobs } from './sandbox-knobs';
import { NotificationAttempt, SandboxNotification } from './sandbox-records';
import { StateJournal } from './state-log';

/** WeChat's retry intervals after an unacknowledged callback, in seconds: 15 intervals, 24h4m in all. */
export const NOTIFY_RETRY_SCHEDULE_SECONDS: ReadonlyArray<number> = [15, 15, 30, 180, 600, 1200, 1800, 1800, 1800, 3600, 10800, 10800, 10800, 21600, 21600];
/** WeChat waits this long for the merchant to answer one callback. */
const DELIVERY_TIMEOUT_MS = 5000;
const FINISHED_KEPT = 500;

export interface DispatcherOptions {
  signer: PlatformSigner;
  knobs: SandboxKnobs;
  clock: () => Date;
  /** Multiplies every interval of the schedule (0.001 turns 15 s into 15 ms). */
  timeScale: number;
  notifications: SandboxNotification[];
  journal: StateJournal;
  log: (line: string) => void;
}

/**
 * Delivers callbacks to merchants and keeps retrying each until a 2xx, on WeChat's schedule. Records live in
 * the persisted state, so after a restart the pending ones carry on where they stopped.
 */
export class NotificationDispatcher {
  private readonly http: AxiosInstance = axios.create({ proxy: false, maxRedirects: 0 });
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly abort = new AbortController();
  private closed = false;

  constructor(private readonly o: DispatcherOptions) {}

  /** Reschedules what a previous run left pending. */
  resume(): void {
    const now = this.o.clock().getTime();
    for (const n of this.o.notifications) {
      if (n.status !== 'pending') continue;
      const due = n.nextAttemptAt ? Date.parse(n.nextAttemptAt) : now;
      this.schedule(n, Math.max(0, due - now));
    }
  }

  enqueue(input: { id: string; body: string; eventType: string; notifyUrl: string; outTradeNo: string; outRefundNo?: string }): SandboxNotification {
    const n: SandboxNotification = { ...input, status: 'pending', attempts: [] };
    this.o.notifications.push(n);
    if (this.o.knobs.takeDrop()) {
      n.status = 'dropped';
      this.o.log(`notification ${n.id} (${n.eventType} ${n.outTradeNo}) dropped by knob`);
    } else {
      this.schedule(n, this.o.knobs.delay());
    }
    this.o.journal.changed({ notification: n });
    this.prune();
    return n;
  }

  list(): SandboxNotification[] {
    return this.o.notifications.map((n) => ({ ...n, attempts: n.attempts.map((a) => ({ ...a, statuses: [...a.statuses] })) }));
  }

  /** Resolves when nothing is scheduled or in flight (tests wait on this instead of sleeping). */
  async idle(): Promise<void> {
    while (this.timers.size > 0 || this.inFlight.size > 0) {
      await Promise.race([...this.inFlight, new Promise((r) => setTimeout(r, 5))]);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.abort.abort();
    await Promise.allSettled([...this.inFlight]);
  }

  private schedule(n: SandboxNotification, delayMs: number): void {
    if (this.closed) return;
    n.nextAttemptAt = new Date(this.o.clock().getTime() + delayMs).toISOString();
    const timer = setTimeout(() => {
      this.timers.delete(n.id);
      const run = this.attempt(n)
        .catch((e: unknown) => this.o.log(`notification ${n.id} attempt failed unexpectedly: ${(e as Error).message}`))
        .finally(() => this.inFlight.delete(run));
      this.inFlight.add(run);
    }, delayMs);
    this.timers.set(n.id, timer);
  }

  private async attempt(n: SandboxNotification): Promise<void> {
    // The merchant must never hear of a payment the gateway could still forget (a crash before the fsync).
    try {
      await this.o.journal.durable();
    } catch {
      this.schedule(n, 1000);
      return;
    }
    if (this.closed) return;
    const corruption = this.o.knobs.takeCorruption();
    const copies = this.o.knobs.duplicates();
    // The copies are the same request delivered several times (as a network or WeChat duplicates it): one signature.
    const body = Buffer.from(corruption === 'ciphertext' ? tamperCiphertext(n.body) : n.body, 'utf8');
    const headers = this.o.signer.headers(body, this.o.clock(), {
      ...(corruption === 'signature' ? { forgeSignature: true } : {}),
      ...(corruption === 'serial' ? { serial: 'PUB_KEY_ID_0000000000UNKNOWN' } : {}),
    });
    const statuses = await Promise.all(Array.from({ length: copies }, () => this.deliver(n, body, headers)));
    if (this.closed) return;
    const acknowledged = statuses.some((s) => typeof s === 'number' && s >= 200 && s < 300);
    const attempt: NotificationAttempt = { at: this.o.clock().toISOString(), copies, statuses, acknowledged, ...(corruption ? { corrupted: corruption } : {}) };
    n.attempts.push(attempt);
    const retryDelaySeconds = NOTIFY_RETRY_SCHEDULE_SECONDS[n.attempts.length - 1];
    if (acknowledged) {
      n.status = 'acknowledged';
      delete n.nextAttemptAt;
    } else if (retryDelaySeconds === undefined) {
      n.status = 'gave_up';
      delete n.nextAttemptAt;
      this.o.log(`notification ${n.id} (${n.eventType} ${n.outTradeNo}) given up after ${n.attempts.length} attempts`);
    } else {
      this.schedule(n, retryDelaySeconds * 1000 * this.o.timeScale);
    }
    this.o.journal.changed({ notification: n });
  }

  /** One POST; returns the HTTP status, or the network error's code. */
  private async deliver(n: SandboxNotification, body: Buffer, headers: Record<string, string>): Promise<number | string> {
    try {
      const res = await this.http.post(n.notifyUrl, body, {
        headers: { ...headers, 'Content-Type': 'application/json', 'User-Agent': 'Mozilla/4.0 (tillbot WeChat Pay sandbox)' },
        timeout: DELIVERY_TIMEOUT_MS,
        validateStatus: () => true,
        responseType: 'arraybuffer',
        transformRequest: [(d: unknown) => d],
        signal: this.abort.signal,
      });
      return res.status;
    } catch (e) {
      return axios.isAxiosError(e) ? (e.code ?? 'NETWORK_ERROR') : 'ERROR';
    }
  }

  private prune(): void {
    const finished = this.o.notifications.filter((n) => n.status !== 'pending');
    const excess = finished.length - FINISHED_KEPT;
    if (excess <= 0) return;
    const drop = new Set(finished.slice(0, excess));
    for (const n of drop) this.o.journal.changed({ pruned: n.id });
    const kept = this.o.notifications.filter((n) => !drop.has(n));
    this.o.notifications.splice(0, this.o.notifications.length, ...kept);
  }
}
