import { createPrivateKey, createPublicKey } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { FastifyInstance } from 'fastify';
import { SandboxKnobs } from '../sandbox-knobs';
import { ALIPAY_GATEWAY_PATH, alipayGatewayRoutes } from './alipay-gateway-routes';
import { AlipayLedger, Ledgered } from './alipay-ledger';
import { AlipayNotifier } from './alipay-notifier';
import { renderAlipayPayPage, renderAlipayResultPage, SANDBOX_ALIPAY_BUYERS } from './alipay-pay-page';
import { AlipayNotification, AlipayRefund, AlipayState, AlipayTrade, emptyAlipayState } from './alipay-records';
import { AlipaySandboxCredentials } from './alipay-sandbox-keys';
import { notificationFields } from './alipay-wire-replies';

export interface AlipayStandInOptions {
  credentials: AlipaySandboxCredentials;
  /** The sandbox's knobs: drop, duplicate, delay and corrupt reach Alipay's notifications too, failNext its calls. */
  knobs: SandboxKnobs;
  clock: () => Date;
  timeScale: number;
  /** JSON file keeping the stand-in's trades, refunds and notifications across restarts. */
  stateFile?: string;
  log: (line: string) => void;
}

/** What the sandbox gateway hands out about its Alipay side (tests, the admin, the demo). */
export interface AlipaySandbox {
  /** The gateway URL to configure (ALIPAY_GATEWAY), e.g. http://127.0.0.1:41234/alipay/gateway.do. */
  gatewayUrl: string;
  /** Scans and pays as the buyer would (default: the first sandbox buyer), then notifies. */
  pay(outTradeNo: string, buyer?: string): Ledgered<AlipayTrade>;
  trade(outTradeNo: string): AlipayTrade | undefined;
  trades(): AlipayTrade[];
  refunds(): AlipayRefund[];
  notifications(): AlipayNotification[];
  idle(): Promise<void>;
}

function loadState(file: string | undefined): AlipayState {
  if (!file || !existsSync(file)) return emptyAlipayState();
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<AlipayState>;
    return { trades: parsed.trades ?? [], refunds: parsed.refunds ?? [], notifications: parsed.notifications ?? [] };
  } catch {
    return emptyAlipayState();
  }
}

/**
 * Alipay face-to-face payment played by the sandbox process: the OpenAPI gateway (its own RSA2 keys, generated
 * once), the buyer's pay page the qr_code opens, and the notifications. Mounted on the sandbox's HTTP server.
 */
export class AlipayStandIn {
  readonly ledger: AlipayLedger;
  readonly notifier: AlipayNotifier;
  private readonly state: AlipayState;
  private readonly hangs = new Set<() => void>();
  private pendingWrite: Promise<void> | null = null;
  private baseUrl = '';
  private publicBaseUrl = '';

  constructor(private readonly o: AlipayStandInOptions) {
    this.state = loadState(o.stateFile);
    const persist = () => this.persistSoon();
    this.ledger = new AlipayLedger(this.state, o.clock, persist);
    this.notifier = new AlipayNotifier({
      alipayKey: createPrivateKey(o.credentials.alipayPrivateKey),
      knobs: o.knobs,
      clock: o.clock,
      timeScale: o.timeScale,
      notifications: this.state.notifications,
      persist,
      log: o.log,
    });
  }

  /** The fastify plugin: the gateway at /alipay/gateway.do and the pay pages at /alipay/qr/:id. */
  routes() {
    const gateway = alipayGatewayRoutes({
      appId: this.o.credentials.appId,
      appPublicKey: createPublicKey(this.o.credentials.appPublicKey),
      alipayKey: createPrivateKey(this.o.credentials.alipayPrivateKey),
      ledger: this.ledger,
      knobs: this.o.knobs,
      clock: this.o.clock,
      codeUrlFor: (id) => `${this.publicBaseUrl}/alipay/qr/${id}`,
      refunded: (trade, refund) => this.notify(trade, refund),
      hangs: this.hangs,
    });
    return async (app: FastifyInstance): Promise<void> => {
      await gateway(app);
      app.get<{ Params: { id: string } }>('/alipay/qr/:id', async (req, reply) => {
        reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-store');
        const t = this.ledger.tradeByPageId(req.params.id);
        // Opening the code is the scan: from now on Alipay knows the trade.
        return t ? reply.send(renderAlipayPayPage(this.ledger.scan(t))) : reply.code(404).send('<h1>No such Alipay code</h1>');
      });
      app.post<{ Params: { id: string } }>('/alipay/qr/:id/pay', async (req, reply) => {
        reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-store');
        const t = this.ledger.tradeByPageId(req.params.id);
        if (!t) return reply.code(404).send('<h1>No such Alipay code</h1>');
        const buyer = new URLSearchParams(typeof req.body === 'string' ? req.body : '').get('buyer') ?? undefined;
        const paid = this.pay(t.outTradeNo, buyer);
        return paid.ok ? reply.send(renderAlipayResultPage(paid.value)) : reply.code(409).send(renderAlipayResultPage(t, paid.error.subMsg));
      });
    };
  }

  /** Called once the server listens: the gateway's own address and where phones reach the pay pages. */
  started(baseUrl: string, publicBaseUrl: string): void {
    this.baseUrl = baseUrl;
    this.publicBaseUrl = publicBaseUrl;
    this.notifier.resume();
  }

  pay(outTradeNo: string, buyer?: string): Ledgered<AlipayTrade> {
    const chosen = buyer !== undefined && SANDBOX_ALIPAY_BUYERS.includes(buyer) ? buyer : (SANDBOX_ALIPAY_BUYERS[0] as string);
    const paid = this.ledger.pay(outTradeNo, chosen);
    if (paid.ok) this.notify(paid.value);
    return paid;
  }

  handle(): AlipaySandbox {
    return {
      gatewayUrl: `${this.baseUrl}${ALIPAY_GATEWAY_PATH}`,
      pay: (outTradeNo, buyer) => {
        const paid = this.pay(outTradeNo, buyer);
        return paid.ok ? { ok: true, value: structuredClone(paid.value) } : paid;
      },
      trade: (outTradeNo) => {
        const t = this.ledger.trade(outTradeNo);
        return t && structuredClone(t);
      },
      trades: () => structuredClone(this.ledger.trades()),
      refunds: () => structuredClone(this.ledger.refunds()),
      notifications: () => this.notifier.list(),
      idle: () => this.notifier.idle(),
    };
  }

  async close(): Promise<void> {
    await this.notifier.close();
    for (const release of this.hangs) release();
    this.hangs.clear();
    await this.durable().catch(() => undefined);
  }

  /** Resolves once every change so far is on disk (fsync'd); the gateway's replies wait for it, as for WeChat's side. */
  durable(): Promise<void> {
    return this.pendingWrite ?? Promise.resolve();
  }

  private notify(trade: AlipayTrade, refund?: AlipayRefund): void {
    if (!trade.notifyUrl) return;
    this.notifier.enqueue(trade.notifyUrl, trade.outTradeNo, notificationFields(trade, refund ? { refund } : undefined));
  }

  // Changes made in one turn of the event loop are written together, before any reply of that turn leaves (the
  // gateway's onSend waits for durable()): an acknowledged trade survives a kill -9. The whole state is rewritten,
  // which is fine for a tester's sandbox; the WeChat side's append-only log is what a storm goes through.
  private persistSoon(): void {
    if (!this.o.stateFile || this.pendingWrite) return;
    this.pendingWrite = new Promise<void>((resolve, reject) =>
      setImmediate(() => {
        this.pendingWrite = null;
        try {
          this.writeNow();
          resolve();
        } catch (e) {
          this.o.log(`cannot write Alipay state file ${this.o.stateFile ?? ''}: ${(e as Error).message}`);
          reject(e instanceof Error ? e : new Error(String(e)));
        }
      }),
    );
    // A failed write is answered by the replies waiting for it; nobody else must see an unhandled rejection.
    this.pendingWrite.catch(() => undefined);
  }

  private writeNow(): void {
    const file = this.o.stateFile;
    if (!file) return;
    const tmp = `${file}.tmp`;
    const fd = openSync(tmp, 'w', 0o600);
    try {
      writeSync(fd, JSON.stringify(this.state));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  }
}
