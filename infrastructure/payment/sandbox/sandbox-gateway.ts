import { mkdirSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import Fastify from 'fastify';
import { Result } from '../../../domain/shared/result';
import { readRsaPrivateKey, readRsaPublicKey } from '../wechatpay/platform-key-ring';
import { adminRoutes } from './admin-routes';
import { AlipaySandboxCredentials } from './alipay/alipay-sandbox-keys';
import { AlipaySandbox, AlipayStandIn } from './alipay/alipay-stand-in';
import { NotificationDispatcher } from './notification-dispatcher';
import { payPageRoutes } from './pay-page-routes';
import { PlatformSigner } from './platform-signer';
import { SandboxCredentials } from './sandbox-credentials';
import { SandboxKnobs } from './sandbox-knobs';
import { SandboxCharge, SandboxNotification, SandboxRefund, SandboxTrade } from './sandbox-records';
import { SandboxService } from './sandbox-service';
import { SandboxState, emptyState, loadStateFile, saveStateFile } from './state-file';
import { TradeBook } from './trade-book';
import { wechatApiRoutes } from './wechat-api-routes';
import { WireError } from './wire-error';

export interface SandboxGatewayOptions {
  credentials: SandboxCredentials;
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** Base of the pay-page links in code_url, as a phone would reach it; defaults to the listening URL. */
  publicBaseUrl?: string;
  /** Multiplies the notification retry schedule (e.g. 0.001 in tests). */
  timeScale?: number;
  /** PROCESSING → SUCCESS delay for refunds; 0 answers SUCCESS at once. */
  refundDelayMs?: number;
  /** JSON file that keeps trades, refunds and pending notifications across restarts. */
  stateFile?: string;
  /** Real WeChat demands https notify URLs; a local shop listens on plain http. */
  allowHttpNotifyUrl?: boolean;
  adminToken?: string;
  /** Also play Alipay face-to-face payment (its own keys; its state in `alipayStateFile`). */
  alipay?: { credentials: AlipaySandboxCredentials; stateFile?: string };
  clock?: () => Date;
  log?: (line: string) => void;
}

export interface SandboxGateway {
  /** Where the WeChat Pay API is served, e.g. http://127.0.0.1:41234 (use as WechatPayConfig.baseUrl). */
  url: string;
  publicBaseUrl: string;
  credentials: SandboxCredentials;
  knobs: SandboxKnobs;
  /** The Alipay side, when started with `alipay`. */
  alipay: AlipaySandbox | null;
  /** Pays a trade as a shopper would, and sends the TRANSACTION.SUCCESS notification. */
  pay(outTradeNo: string): Result<SandboxTrade, WireError>;
  /** Charges a paid trade a second time (a different transaction) and notifies it, as a double-charging wallet would. */
  payAgain(outTradeNo: string): Result<SandboxCharge, WireError>;
  trade(outTradeNo: string): SandboxTrade | undefined;
  trades(): SandboxTrade[];
  refund(outRefundNo: string): SandboxRefund | undefined;
  refunds(): SandboxRefund[];
  notifications(): SandboxNotification[];
  /** Resolves once no notification is scheduled or in flight. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

const copy = <T>(v: T): T => structuredClone(v);

const STATE_WRITE_DELAY_MS = 200;

function checkCredentials(c: SandboxCredentials) {
  const merchantKey = readRsaPublicKey(c.merchantPublicKey, 'sandbox merchant public key');
  if (!merchantKey.ok) throw new Error(merchantKey.error);
  const platformKey = readRsaPrivateKey(c.platformPrivateKey, 'sandbox platform private key');
  if (!platformKey.ok) throw new Error(platformKey.error);
  if (Buffer.byteLength(c.apiV3Key, 'utf8') !== 32) throw new Error('sandbox APIv3 key must be exactly 32 bytes');
  for (const f of ['mchId', 'appId', 'merchantSerial', 'platformSerial'] as const) if (!c[f]) throw new Error(`sandbox ${f} is empty`);
  return { merchantKey: merchantKey.value, platformKey: platformKey.value };
}

/** Starts a local WeChat Pay v3 gateway speaking the real protocol, with a pay page and fault-injection knobs. */
export async function startSandboxGateway(options: SandboxGatewayOptions): Promise<SandboxGateway> {
  const c = options.credentials;
  const { merchantKey, platformKey } = checkCredentials(c);
  const timeScale = options.timeScale ?? 1;
  if (!(timeScale > 0)) throw new Error(`sandbox timeScale must be > 0, got ${timeScale}`);
  const refundDelayMs = options.refundDelayMs ?? 1000;
  const clock = options.clock ?? (() => new Date());
  const log = options.log ?? (() => undefined);

  const stateFile = options.stateFile;
  if (stateFile) mkdirSync(dirname(stateFile), { recursive: true, mode: 0o700 });
  const state: SandboxState = stateFile ? loadStateFile(stateFile) : emptyState();
  // Writes are coalesced (at most one every STATE_WRITE_DELAY_MS, and a final one on close): writing the whole state
  // on every change made a busy gateway quadratic. A crash loses at most that much of the sandbox's own history.
  // A failed write must not take the gateway (or the shop it is embedded in) down from inside a timer.
  let writeTimer: NodeJS.Timeout | null = null;
  const writeNow = () => {
    if (writeTimer) clearTimeout(writeTimer);
    writeTimer = null;
    if (!stateFile) return;
    try {
      saveStateFile(stateFile, state);
    } catch (e) {
      log(`cannot write state file ${stateFile}: ${(e as Error).message}`);
    }
  };
  const persist = stateFile
    ? () => {
        if (writeTimer) return;
        writeTimer = setTimeout(writeNow, STATE_WRITE_DELAY_MS);
        writeTimer.unref();
      }
    : () => undefined;

  const knobs = new SandboxKnobs();
  const signer = new PlatformSigner(platformKey, c.platformSerial);
  const book = new TradeBook(state, clock, persist);
  const dispatcher = new NotificationDispatcher({ signer, knobs, clock, timeScale, notifications: state.notifications, persist, log });
  const service = new SandboxService({ apiV3Key: c.apiV3Key, book, dispatcher, clock, refundDelayMs });
  const hangs = new Set<() => void>();
  const alipay = options.alipay
    ? new AlipayStandIn({
        credentials: options.alipay.credentials,
        knobs,
        clock,
        timeScale,
        log,
        ...(options.alipay.stateFile ? { stateFile: options.alipay.stateFile } : {}),
      })
    : null;

  const app = Fastify({ logger: false, forceCloseConnections: true });
  app.setNotFoundHandler((req, reply) => reply.code(404).send({ code: 'NOT_FOUND', message: `no route ${req.method} ${req.url.split('?')[0]}` }));
  let publicBaseUrl = '';
  await app.register(
    wechatApiRoutes({
      merchant: { mchId: c.mchId, serial: c.merchantSerial, publicKey: merchantKey },
      appId: c.appId,
      signer,
      book,
      service,
      knobs,
      clock,
      allowHttpNotifyUrl: options.allowHttpNotifyUrl ?? true,
      codeUrlFor: (id) => `${publicBaseUrl}/pay/${id}`,
      hangs,
    }),
  );
  await app.register(payPageRoutes(book, service));
  if (alipay) await app.register(alipay.routes());
  await app.register(adminRoutes({ book, service, knobs, dispatcher, ...(options.adminToken ? { adminToken: options.adminToken } : {}) }), {
    prefix: '/sandbox',
  });

  const host = options.host ?? '127.0.0.1';
  await app.listen({ port: options.port ?? 0, host });
  const port = (app.server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  publicBaseUrl = (options.publicBaseUrl ?? url).replace(/\/+$/, '');
  dispatcher.resume();
  service.resumeRefunds();
  alipay?.started(url, publicBaseUrl);
  log(`WeChat Pay sandbox listening on ${url} (pay pages at ${publicBaseUrl}/pay/…, merchant ${c.mchId})`);

  return {
    url,
    publicBaseUrl,
    credentials: c,
    knobs,
    alipay: alipay?.handle() ?? null,
    pay: (outTradeNo) => {
      const paid = service.pay(outTradeNo);
      return paid.ok ? { ok: true, value: copy(paid.value) } : paid;
    },
    payAgain: (outTradeNo) => {
      const charged = service.payAgain(outTradeNo);
      return charged.ok ? { ok: true, value: copy(charged.value) } : charged;
    },
    trade: (outTradeNo) => {
      const t = book.trade(outTradeNo);
      return t && copy(t);
    },
    trades: () => copy(book.trades()),
    refund: (outRefundNo) => {
      const r = book.refund(outRefundNo);
      return r && copy(r);
    },
    refunds: () => copy(book.refunds()),
    notifications: () => dispatcher.list(),
    idle: async () => {
      await dispatcher.idle();
      await alipay?.notifier.idle();
    },
    close: async () => {
      service.close();
      await dispatcher.close();
      await alipay?.close();
      if (writeTimer) writeNow();
      for (const release of hangs) release();
      hangs.clear();
      await app.close();
    },
  };
}
