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
import { PAY_PAGE_BANNER } from './pay-page';
import { payPageRoutes } from './pay-page-routes';
import { IssuedPlatformKey, issuePlatformKey } from './platform-certificate-issuer';
import { PlatformSigner } from './platform-signer';
import { SandboxCredentials } from './sandbox-credentials';
import { SandboxKnobs } from './sandbox-knobs';
import { SandboxCharge, SandboxNotification, SandboxRefund, SandboxTrade } from './sandbox-records';
import { SandboxService } from './sandbox-service';
import { SandboxState, StateJournal, StateLog, emptyState, memoryJournal } from './state-log';
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
  /**
   * Append-only JSON-lines log that keeps trades, refunds and notifications across restarts; every reply waits until
   * the changes before it are fsync'd there. Unset: state in memory only.
   */
  stateFile?: string;
  /** The whole-state JSON file older versions wrote, taken over once into `stateFile` when that does not exist yet. */
  legacyStateFile?: string;
  /** Real WeChat demands https notify URLs; a local shop listens on plain http. */
  allowHttpNotifyUrl?: boolean;
  /** Every /sandbox admin call needs it (`Authorization: Bearer <token>` or `X-Sandbox-Token: <token>`). */
  adminToken: string;
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
  /** What the /sandbox admin routes ask for. */
  adminToken: string;
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
  /**
   * Rotates the platform key as WeChat does: a new certificate is listed at `/v3/certificates` (next to the earlier
   * ones, which stay valid) and signs every reply and notification from now on. Kept in memory only: a restarted
   * sandbox signs with its configured key again, which the shop still trusts.
   */
  rotatePlatformKey(): Promise<{ serial: string }>;
  close(): Promise<void>;
}

const copy = <T>(v: T): T => structuredClone(v);

/** Said at every start and on every pay page: a shop on the sandbox hands out goods for no money. */
export const SIMULATED_PAYMENTS_BANNER = PAY_PAGE_BANNER;

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

  if (!options.adminToken) throw new Error('sandbox adminToken is required (it guards the /sandbox admin routes)');
  const stateFile = options.stateFile;
  if (stateFile) mkdirSync(dirname(stateFile), { recursive: true, mode: 0o700 });
  const stateLog = stateFile ? StateLog.open(stateFile, log, options.legacyStateFile) : null;
  const state: SandboxState = stateLog ? stateLog.state : emptyState();
  const journal: StateJournal = stateLog ?? memoryJournal;

  const knobs = new SandboxKnobs();
  const signer = new PlatformSigner(platformKey, c.platformSerial);
  const book = new TradeBook(state, clock, journal);
  const dispatcher = new NotificationDispatcher({ signer, knobs, clock, timeScale, notifications: state.notifications, journal, log });
  const service = new SandboxService({ apiV3Key: c.apiV3Key, book, dispatcher, clock, refundDelayMs });
  const hangs = new Set<() => void>();
  const issued: IssuedPlatformKey[] = [];
  const rotatePlatformKey = async (): Promise<{ serial: string }> => {
    const next = await issuePlatformKey(c.mchId, clock());
    issued.push(next);
    signer.rotate(next.privateKey, next.serial);
    log(`platform key rotated: now signing as ${next.serial}`);
    return { serial: next.serial };
  };
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
  // No reply leaves before the changes made so far are fsync'd: what the caller was told survives a kill -9.
  app.addHook('onSend', async (_req, reply, payload) => {
    try {
      await journal.durable();
      await alipay?.durable();
      return payload;
    } catch {
      reply.code(500).type('application/json');
      return JSON.stringify({ code: 'SYSTEM_ERROR', message: 'the sandbox could not save its state; try again' });
    }
  });
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
      platformCertificates: () => issued,
      apiV3Key: c.apiV3Key,
    }),
  );
  await app.register(payPageRoutes(book, service));
  if (alipay) await app.register(alipay.routes());
  await app.register(adminRoutes({ book, service, knobs, dispatcher, rotatePlatformKey, adminToken: options.adminToken }), {
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
  log(SIMULATED_PAYMENTS_BANNER);

  return {
    url,
    publicBaseUrl,
    credentials: c,
    adminToken: options.adminToken,
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
    rotatePlatformKey,
    close: async () => {
      service.close();
      await dispatcher.close();
      await alipay?.close();
      for (const release of hangs) release();
      hangs.clear();
      await app.close();
      await stateLog?.close();
    },
  };
}
