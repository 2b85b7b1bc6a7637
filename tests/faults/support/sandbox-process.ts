// The ONE payment provider every shop of a test talks to: the standalone sandbox gateway in its own process, driven
// through its admin HTTP API (/sandbox/...), as an operator would drive it with curl.
import { join } from 'node:path';
import { SandboxKeys, ensureSandboxKeys } from '../../../infrastructure/payment/sandbox/sandbox-keys';
import { ProcessGroup, RunningProcess } from './processes';

export interface SandboxTradeView {
  outTradeNo: string;
  state: string;
  total: number;
  transactionId?: string;
}

export interface SandboxNotificationView {
  id: string;
  eventType: string;
  outTradeNo: string;
  status: 'pending' | 'acknowledged' | 'dropped' | 'gave_up';
  attempts: Array<{ statuses: Array<number | string>; acknowledged: boolean }>;
}

export type SandboxFailure = { status: number; code: string; message?: string } | { hang: true };

export interface SandboxProcess {
  url: string;
  proc: RunningProcess;
  keys: SandboxKeys;
  /** WECHATPAY_* settings that point a shop (or reconcile) at this sandbox. */
  merchantEnv(): Record<string, string>;
  pay(outTradeNo: string): Promise<{ status: number; body: unknown }>;
  trade(outTradeNo: string): Promise<SandboxTradeView | null>;
  trades(): Promise<SandboxTradeView[]>;
  refunds(): Promise<Array<{ outTradeNo: string; outRefundNo: string; status: string; refund: number }>>;
  notifications(): Promise<SandboxNotificationView[]>;
  dropNotifications(count: number): Promise<void>;
  duplicateNotifications(times: number): Promise<void>;
  delayNotifications(ms: number): Promise<void>;
  corruptNotifications(count: number, kind: 'signature' | 'ciphertext' | 'serial'): Promise<void>;
  failNext(operation: 'create' | 'query' | 'close' | 'refund' | 'queryRefund', count: number, failure: SandboxFailure): Promise<void>;
  resetKnobs(): Promise<void>;
  /** How many injected failures of `operation` are still to come. */
  failuresLeft(operation: 'create' | 'query' | 'close' | 'refund' | 'queryRefund'): Promise<number>;
}

/** The token the standalone sandbox of a test is started with; its /sandbox routes refuse calls without it. */
export const SANDBOX_ADMIN_TOKEN = 'fault-world-sandbox-admin-token';

async function call(base: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${SANDBOX_ADMIN_TOKEN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
}

/** Starts `infrastructure/payment/sandbox/standalone.ts` with keys made here first (so the shops can read them). */
export async function startSandboxProcess(group: ProcessGroup, dir: string, options: { timeScale: number; refundDelayMs?: number }): Promise<SandboxProcess> {
  const keysDir = join(dir, 'sandbox-keys');
  const keys = await ensureSandboxKeys(keysDir);
  const proc = group.start(
    'sandbox',
    'infrastructure/payment/sandbox/standalone.ts',
    {
      SANDBOX_PORT: '0',
      SANDBOX_KEYS_DIR: keysDir,
      SANDBOX_TIME_SCALE: String(options.timeScale),
      SANDBOX_REFUND_DELAY_MS: String(options.refundDelayMs ?? 200),
      SANDBOX_STATE_FILE: join(dir, 'sandbox-state.jsonl'),
      SANDBOX_ADMIN_TOKEN,
    },
    dir,
  );
  const found = await proc.waitForLine(/sandbox listening on (http:\/\/127\.0\.0\.1:\d+)/, 30_000);
  const url = found[1]!; // the pattern's one group is mandatory
  const admin = (method: 'GET' | 'POST', path: string, body?: unknown) => call(url, method, `/sandbox${path}`, body);
  const knob = async (path: string, body?: unknown) => {
    const res = await admin('POST', `/knobs/${path}`, body);
    if (res.status !== 200) throw new Error(`sandbox knob ${path} refused: ${res.status} ${JSON.stringify(res.body)}`);
  };
  return {
    url,
    proc,
    keys,
    merchantEnv: () => ({
      WECHATPAY_BASE_URL: url,
      WECHATPAY_MCHID: keys.gateway.mchId,
      WECHATPAY_APPID: keys.gateway.appId,
      WECHATPAY_APIV3_KEY: keys.gateway.apiV3Key,
      WECHATPAY_MERCHANT_SERIAL: keys.gateway.merchantSerial,
      WECHATPAY_MERCHANT_PRIVATE_KEY_FILE: keys.files.merchantPrivateKey,
      WECHATPAY_PLATFORM_PUBLIC_KEY_FILE: keys.files.platformPublicKey,
      WECHATPAY_PLATFORM_SERIAL: keys.gateway.platformSerial,
    }),
    pay: (outTradeNo) => admin('POST', `/trades/${encodeURIComponent(outTradeNo)}/pay`),
    trade: async (outTradeNo) => {
      const res = await admin('GET', `/trades/${encodeURIComponent(outTradeNo)}`);
      return res.status === 200 ? (res.body as SandboxTradeView) : null;
    },
    trades: async () => (await admin('GET', '/trades')).body as SandboxTradeView[],
    refunds: async () => (await admin('GET', '/refunds')).body as Array<{ outTradeNo: string; outRefundNo: string; status: string; refund: number }>,
    notifications: async () => (await admin('GET', '/notifications')).body as SandboxNotificationView[],
    dropNotifications: (count) => knob('drop-notifications', { count }),
    duplicateNotifications: (times) => knob('duplicate-notifications', { times }),
    delayNotifications: (ms) => knob('delay-notifications', { ms }),
    corruptNotifications: (count, kind) => knob('corrupt-notifications', { count, kind }),
    failNext: (operation, count, failure) => knob('fail', { operation, count, ...failure }),
    resetKnobs: () => knob('reset'),
    failuresLeft: async (operation) => {
      const state = (await admin('GET', '/knobs')).body as { failures: Record<string, Array<{ remaining: number }>> };
      return (state.failures[operation] ?? []).reduce((sum, f) => sum + f.remaining, 0);
    },
  };
}
