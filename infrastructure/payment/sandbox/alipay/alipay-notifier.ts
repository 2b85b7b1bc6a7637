import { KeyObject, randomBytes } from 'node:crypto';
import axios, { AxiosInstance } from 'axios';
import { formatAlipayTime } from '../../alipay/beijing-time';
import { SandboxKnobs } from '../sandbox-knobs';
import { AlipayCorruption, AlipayNotification, AlipayNotificationAttempt } from './alipay-records';
import { rsa2Sign, signContent, strangerKey } from './alipay-signing';

/** Alipay's intervals after an unacknowledged notification: 4m, 10m, 10m, 1h, 2h, 6h, 15h (8 sends in 25 hours). */
export const ALIPAY_RETRY_SCHEDULE_SECONDS: ReadonlyArray<number> = [240, 600, 600, 3600, 7200, 21600, 54000];
const DELIVERY_TIMEOUT_MS = 5000;
const FINISHED_KEPT = 500;

export interface AlipayNotifierOptions {
  alipayKey: KeyObject;
  knobs: SandboxKnobs;
  clock: () => Date;
  timeScale: number;
  notifications: AlipayNotification[];
  persist: () => void;
  log: (line: string) => void;
}

/** Signs a parameter set as Alipay signs notifications: RSA2 over everything but sign and sign_type. */
export function signNotification(params: Record<string, string>, key: KeyObject): Record<string, string> {
  return { ...params, sign: rsa2Sign(signContent(params, ['sign', 'sign_type']), key) };
}

/** The three forgeries the corrupt knob sends instead of a genuine copy (the WeChat knob's kinds, in Alipay's terms). */
function forged(params: Record<string, string>, kind: AlipayCorruption, stranger: () => KeyObject): Record<string, string> {
  if (kind === 'signature') return { ...params, sign: randomBytes(256).toString('base64') };
  if (kind === 'serial') return signNotification({ ...params }, stranger());
  // "ciphertext": the content changed after signing — here the amount, a cent more.
  const fen = Math.round(Number(params.total_amount ?? '0') * 100) + 1;
  return { ...params, total_amount: `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}` };
}

/**
 * Posts notifications to the merchant (form-encoded) until it answers the literal `success`, on Alipay's schedule;
 * the sandbox's knobs drop, duplicate, delay and corrupt them as they do WeChat's.
 */
export class AlipayNotifier {
  private readonly http: AxiosInstance = axios.create({ proxy: false, maxRedirects: 0 });
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly abort = new AbortController();
  private stranger: KeyObject | null = null;
  private closed = false;

  constructor(private readonly o: AlipayNotifierOptions) {}

  resume(): void {
    const now = this.o.clock().getTime();
    for (const n of this.o.notifications) {
      if (n.status === 'pending') this.schedule(n, Math.max(0, (n.nextAttemptAt ? Date.parse(n.nextAttemptAt) : now) - now));
    }
  }

  /** Signs and queues one notification (`fields`: the trade's, without the common ones). */
  enqueue(notifyUrl: string, outTradeNo: string, fields: Record<string, string>): AlipayNotification {
    const now = this.o.clock();
    const notifyId = `2026${randomBytes(14).toString('hex')}`;
    const params = signNotification(
      {
        notify_time: formatAlipayTime(now),
        notify_type: 'trade_status_sync',
        notify_id: notifyId,
        charset: 'utf-8',
        version: '1.0',
        sign_type: 'RSA2',
        ...fields,
      },
      this.o.alipayKey,
    );
    const n: AlipayNotification = { notifyId, outTradeNo, notifyUrl, params, status: 'pending', attempts: [] };
    this.o.notifications.push(n);
    if (this.o.knobs.takeDrop()) {
      n.status = 'dropped';
      this.o.log(`Alipay notification ${notifyId} (${outTradeNo}) dropped by knob`);
    } else this.schedule(n, this.o.knobs.delay());
    this.prune();
    this.o.persist();
    return n;
  }

  list(): AlipayNotification[] {
    return structuredClone(this.o.notifications);
  }

  async idle(): Promise<void> {
    while (this.timers.size > 0 || this.inFlight.size > 0) await Promise.race([...this.inFlight, new Promise((r) => setTimeout(r, 5))]);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.abort.abort();
    await Promise.allSettled([...this.inFlight]);
  }

  private schedule(n: AlipayNotification, delayMs: number): void {
    if (this.closed) return;
    n.nextAttemptAt = new Date(this.o.clock().getTime() + delayMs).toISOString();
    const timer = setTimeout(() => {
      this.timers.delete(n.notifyId);
      const run = this.attempt(n)
        .catch((e: unknown) => this.o.log(`Alipay notification ${n.notifyId} failed unexpectedly: ${(e as Error).message}`))
        .finally(() => this.inFlight.delete(run));
      this.inFlight.add(run);
    }, delayMs);
    this.timers.set(n.notifyId, timer);
  }

  private async attempt(n: AlipayNotification): Promise<void> {
    const corruption = this.o.knobs.takeCorruption();
    const copies = this.o.knobs.duplicates();
    const params = corruption ? forged(n.params, corruption, () => (this.stranger ??= strangerKey())) : n.params;
    const body = new URLSearchParams(params).toString();
    const answers = await Promise.all(Array.from({ length: copies }, () => this.deliver(n.notifyUrl, body)));
    if (this.closed) return;
    const acknowledged = answers.includes('success');
    const attempt: AlipayNotificationAttempt = {
      at: this.o.clock().toISOString(),
      copies,
      answers,
      acknowledged,
      ...(corruption ? { corrupted: corruption } : {}),
    };
    n.attempts.push(attempt);
    const retrySeconds = ALIPAY_RETRY_SCHEDULE_SECONDS[n.attempts.length - 1];
    if (acknowledged) {
      n.status = 'acknowledged';
      delete n.nextAttemptAt;
    } else if (retrySeconds === undefined) {
      n.status = 'gave_up';
      delete n.nextAttemptAt;
      this.o.log(`Alipay notification ${n.notifyId} (${n.outTradeNo}) given up after ${n.attempts.length} attempts`);
    } else this.schedule(n, retrySeconds * 1000 * this.o.timeScale);
    this.o.persist();
  }

  /** One POST; the merchant's answer body (trimmed), or the network error's code. */
  private async deliver(url: string, body: string): Promise<string> {
    try {
      const res = await this.http.post<string>(url, body, {
        headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8', 'User-Agent': 'Mozilla/4.0 (tillbot Alipay sandbox)' },
        timeout: DELIVERY_TIMEOUT_MS,
        validateStatus: () => true,
        responseType: 'text',
        transformResponse: [(d: unknown) => d],
        signal: this.abort.signal,
      });
      // Alipay reads the body; anything but a 200 `success` is sent again.
      const answer = String(res.data).trim().slice(0, 100);
      return res.status === 200 ? answer : `HTTP ${res.status} ${answer}`;
    } catch (e) {
      return axios.isAxiosError(e) ? (e.code ?? 'NETWORK_ERROR') : 'ERROR';
    }
  }

  private prune(): void {
    const finished = this.o.notifications.filter((n) => n.status !== 'pending');
    const excess = finished.length - FINISHED_KEPT;
    if (excess <= 0) return;
    const drop = new Set(finished.slice(0, excess));
    const kept = this.o.notifications.filter((n) => !drop.has(n));
    this.o.notifications.splice(0, this.o.notifications.length, ...kept);
  }
}
