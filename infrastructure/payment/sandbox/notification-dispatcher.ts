import axios, { AxiosInstance } from 'axios';
import { PlatformSigner } from './platform-signer';
import { tamperCiphertext } from './notification-envelope';
import { SandboxKnobs } from './sandbox-knobs';
import { NotificationRetries, pruneFinished } from './notification-retries';
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
  private readonly retries: NotificationRetries<SandboxNotification>;

  constructor(private readonly o: DispatcherOptions) {
    this.retries = new NotificationRetries<SandboxNotification>({
      clock: o.clock,
      timeScale: o.timeScale,
      scheduleSeconds: NOTIFY_RETRY_SCHEDULE_SECONDS,
      keyOf: (n) => n.id,
      describe: (n) => `notification ${n.id} (${n.eventType} ${n.outTradeNo})`,
      attempt: (n) => this.attempt(n),
      log: o.log,
    });
  }

  /** Reschedules what a previous run left pending. */
  resume(): void {
    this.retries.resume(this.o.notifications);
  }

  enqueue(input: { id: string; body: string; eventType: string; notifyUrl: string; outTradeNo: string; outRefundNo?: string }): SandboxNotification {
    const n: SandboxNotification = { ...input, status: 'pending', attempts: [] };
    this.o.notifications.push(n);
    if (this.o.knobs.takeDrop()) {
      n.status = 'dropped';
      this.o.log(`notification ${n.id} (${n.eventType} ${n.outTradeNo}) dropped by knob`);
    } else {
      this.retries.schedule(n, this.o.knobs.delay());
    }
    this.o.journal.changed({ notification: n });
    this.prune();
    return n;
  }

  list(): SandboxNotification[] {
    return this.o.notifications.map((n) => ({ ...n, attempts: n.attempts.map((a) => ({ ...a, statuses: [...a.statuses] })) }));
  }

  /** Resolves when nothing is scheduled or in flight (tests wait on this instead of sleeping). */
  idle(): Promise<void> {
    return this.retries.idle();
  }

  close(): Promise<void> {
    return this.retries.close();
  }

  private async attempt(n: SandboxNotification): Promise<void> {
    // The merchant must never hear of a payment the gateway could still forget (a crash before the fsync).
    try {
      await this.o.journal.durable();
    } catch {
      this.retries.schedule(n, 1000);
      return;
    }
    if (this.retries.closed) return;
    const corruption = this.o.knobs.takeCorruption();
    const copies = this.o.knobs.duplicates();
    // The copies are the same request delivered several times (as a network or WeChat duplicates it): one signature.
    const body = Buffer.from(corruption === 'ciphertext' ? tamperCiphertext(n.body) : n.body, 'utf8');
    const headers = await this.o.signer.headers(body, this.o.clock(), {
      ...(corruption === 'signature' ? { forgeSignature: true } : {}),
      ...(corruption === 'serial' ? { serial: 'PUB_KEY_ID_0000000000UNKNOWN' } : {}),
    });
    const statuses = await Promise.all(Array.from({ length: copies }, () => this.deliver(n, body, headers)));
    if (this.retries.closed) return;
    const acknowledged = statuses.some((s) => typeof s === 'number' && s >= 200 && s < 300);
    const attempt: NotificationAttempt = { at: this.o.clock().toISOString(), copies, statuses, acknowledged, ...(corruption ? { corrupted: corruption } : {}) };
    n.attempts.push(attempt);
    this.retries.settle(n, acknowledged);
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
        signal: this.retries.abort.signal,
      });
      return res.status;
    } catch (e) {
      return axios.isAxiosError(e) ? (e.code ?? 'NETWORK_ERROR') : 'ERROR';
    }
  }

  private prune(): void {
    for (const n of pruneFinished(this.o.notifications, FINISHED_KEPT)) this.o.journal.changed({ pruned: n.id });
  }
}
