import { KeyObject, randomBytes } from 'node:crypto';
import axios, { AxiosInstance } from 'axios';
import { formatAlipayTime } from '../../alipay/beijing-time';
import { NotificationRetries, pruneFinished } from '../notification-retries';
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
  private readonly retries: NotificationRetries<AlipayNotification>;
  private stranger: KeyObject | null = null;

  constructor(private readonly o: AlipayNotifierOptions) {
    this.retries = new NotificationRetries<AlipayNotification>({
      clock: o.clock,
      timeScale: o.timeScale,
      scheduleSeconds: ALIPAY_RETRY_SCHEDULE_SECONDS,
      keyOf: (n) => n.notifyId,
      describe: (n) => `Alipay notification ${n.notifyId} (${n.outTradeNo})`,
      attempt: (n) => this.attempt(n),
      log: o.log,
    });
  }

  resume(): void {
    this.retries.resume(this.o.notifications);
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
    } else this.retries.schedule(n, this.o.knobs.delay());
    this.prune();
    this.o.persist();
    return n;
  }

  list(): AlipayNotification[] {
    return structuredClone(this.o.notifications);
  }

  idle(): Promise<void> {
    return this.retries.idle();
  }

  close(): Promise<void> {
    return this.retries.close();
  }

  private async attempt(n: AlipayNotification): Promise<void> {
    const corruption = this.o.knobs.takeCorruption();
    const copies = this.o.knobs.duplicates();
    const params = corruption ? forged(n.params, corruption, () => (this.stranger ??= strangerKey())) : n.params;
    const body = new URLSearchParams(params).toString();
    const answers = await Promise.all(Array.from({ length: copies }, () => this.deliver(n.notifyUrl, body)));
    if (this.retries.closed) return;
    const acknowledged = answers.includes('success');
    const attempt: AlipayNotificationAttempt = {
      at: this.o.clock().toISOString(),
      copies,
      answers,
      acknowledged,
      ...(corruption ? { corrupted: corruption } : {}),
    };
    n.attempts.push(attempt);
    this.retries.settle(n, acknowledged);
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
        signal: this.retries.abort.signal,
      });
      // Alipay reads the body; anything but a 200 `success` is sent again.
      const answer = String(res.data).trim().slice(0, 100);
      return res.status === 200 ? answer : `HTTP ${res.status} ${answer}`;
    } catch (e) {
      return axios.isAxiosError(e) ? (e.code ?? 'NETWORK_ERROR') : 'ERROR';
    }
  }

  private prune(): void {
    pruneFinished(this.o.notifications, FINISHED_KEPT);
  }
}
