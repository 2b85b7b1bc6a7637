// The shop's use cases over the real embedded store (SQLite in memory, migrated), with a clock that moves only when a
// test moves it, ids drawn from a counter, and the outside world (payment provider, merchant webhooks, chats)
// played by small scripted doubles. No database, repository or use case is mocked: only what lies outside the shop.
import { minor } from '../../../domain/shared/money';
import { AdminNotice, Notifier, SellerNotice, SellerRecipient, ShopperNotice } from '../../../domain/messaging';
import { FulfilmentRequest, FulfilmentWebhook } from '../../../domain/ordering';
import {
  PaymentDeps,
  PaymentProvider,
  ProviderError,
  ProviderEvent,
  ProviderRefund,
  ProviderTrade,
  QrPaymentRequest,
  RefundRequest,
} from '../../../domain/payment';
import { Clock } from '../../../domain/shared/clock';
import { Ids } from '../../../domain/shared/ids';
import { TempImportFiles } from '../../../infrastructure/catalog-import/temp-import-files';
import { DEFAULT_LIMITS, ShopLimits } from '../../../domain/shared/limits';
import { OutboxHandlers } from '../../../domain/shared/outbox/outbox-handler';
import { dispatchOutbox } from '../../../domain/shared/outbox/dispatch-outbox';
import { Result, err, ok } from '../../../domain/shared/result';
import { Shop, createShop, outboxHandlersOf } from '../../../domain/shop';
import { ProductInput, WebhookHostResolver, WebhookUrlRules } from '../../../domain/catalog';
import { Persistence, createPersistence } from '../../../infrastructure/persistence';
import { RelayOutcome, SupportRelay, Ticket, TicketMessage } from '../../../domain/support';
import { createRedisParts } from '../../../infrastructure/redis/create-redis-parts';

export const T0 = new Date('2026-03-01T10:00:00.000Z');

/** Time stands still until the test moves it. */
export class TestClock implements Clock {
  private current = T0.getTime();
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current += ms;
  }
}

/** Order numbers and references from a counter: the same test draws the same ones every time. */
export class CountingIds implements Ids {
  private next = 0;
  digits(count: number): string {
    this.next += 1;
    return String(this.next).padStart(count, '0').slice(-count);
  }
  uuid(): string {
    this.next += 1;
    return `00000000-0000-4000-8000-${String(this.next).padStart(12, '0')}`;
  }
}

type Answer<T> = Result<T, ProviderError> | ((request: string) => Result<T, ProviderError>);

/** The payment provider, scripted: trades it knows, answers a test can set, every call it was asked. */
export class ScriptedProvider implements PaymentProvider {
  readonly name = 'scripted';
  readonly calls: string[] = [];
  readonly trades = new Map<string, ProviderTrade>();
  createAnswer: Answer<{ codeUrl: string }> = (no) => ok({ codeUrl: `weixin://wxpay/bizpayurl?pr=${no}` });
  closeAnswer: Answer<void> = ok(undefined);
  refundAnswer: Answer<ProviderRefund> = (no) => ok({ outRefundNo: no, refundId: `R-${no}`, status: 'PROCESSING' });
  queryRefundAnswer: Answer<ProviderRefund> = (no) => ok({ outRefundNo: no, status: 'SUCCESS' });

  private answer<T>(answer: Answer<T>, subject: string): Result<T, ProviderError> {
    return typeof answer === 'function' ? answer(subject) : answer;
  }

  async createQrPayment(request: QrPaymentRequest): Promise<Result<{ codeUrl: string }, ProviderError>> {
    this.calls.push(`create ${request.outTradeNo} ${request.amount}`);
    const created = this.answer(this.createAnswer, request.outTradeNo);
    if (created.ok && !this.trades.has(request.outTradeNo)) this.trades.set(request.outTradeNo, { outTradeNo: request.outTradeNo, tradeState: 'NOTPAY' });
    return created;
  }
  queryAnswer: Answer<ProviderTrade> | null = null;
  async query(outTradeNo: string, options: { once?: boolean } = {}): Promise<Result<ProviderTrade, ProviderError>> {
    this.calls.push(`query ${outTradeNo}${options.once ? ' once' : ''}`);
    if (this.queryAnswer) return this.answer(this.queryAnswer, outTradeNo);
    const trade = this.trades.get(outTradeNo);
    return trade ? ok(trade) : err({ code: 'ORDER_NOT_EXIST', message: `no trade ${outTradeNo}` });
  }
  async close(outTradeNo: string): Promise<Result<void, ProviderError>> {
    this.calls.push(`close ${outTradeNo}`);
    const closed = this.answer(this.closeAnswer, outTradeNo);
    if (closed.ok) this.trades.set(outTradeNo, { outTradeNo, tradeState: 'CLOSED' });
    return closed;
  }
  async refund(request: RefundRequest): Promise<Result<ProviderRefund, ProviderError>> {
    this.calls.push(
      `refund ${request.outRefundNo} ${request.refundAmount}/${request.totalAmount}${request.transactionId ? ` of ${request.transactionId}` : ''}`,
    );
    return this.answer(this.refundAnswer, request.outRefundNo);
  }
  async queryRefund(outRefundNo: string): Promise<Result<ProviderRefund, ProviderError>> {
    this.calls.push(`query-refund ${outRefundNo}`);
    return this.answer(this.queryRefundAnswer, outRefundNo);
  }

  /** The shopper paid at the provider: the trade as the provider now reports it. */
  pay(outTradeNo: string, amount: number, at: Date, transactionId = `TX-${outTradeNo}`): ProviderTrade {
    const trade: ProviderTrade = { outTradeNo, tradeState: 'SUCCESS', transactionId, amount: minor(amount), currency: 'CNY', successTime: at };
    this.trades.set(outTradeNo, trade);
    return trade;
  }
}

/** A merchant's fulfilment endpoint: records each request, answers ok unless told to fail. */
export class MerchantWebhook implements FulfilmentWebhook {
  readonly requests: FulfilmentRequest[] = [];
  failing: string | null = null;
  async send(request: FulfilmentRequest): Promise<Result<void, { message: string }>> {
    this.requests.push(request);
    return this.failing === null ? ok(undefined) : err({ message: this.failing });
  }
}

/** Where notices go: kept for the test to read. */
export class NoticeLog implements Notifier {
  readonly shopper: ShopperNotice[] = [];
  readonly admins: AdminNotice[] = [];
  async notifyShopper(notice: ShopperNotice): Promise<void> {
    this.shopper.push(notice);
  }
  async notifyAdmins(notice: AdminNotice): Promise<void> {
    this.admins.push(notice);
  }
  readonly sellers: Array<SellerNotice & { chatId: string | null }> = [];
  async notifySeller(notice: SellerNotice, to: SellerRecipient): Promise<void> {
    this.sellers.push({ ...notice, chatId: to.chatId });
  }
}

/** DNS as the test sets it: host → addresses (none for an unknown host). */
export class ScriptedDns implements WebhookHostResolver {
  readonly hosts = new Map<string, string[]>();
  async addressesOf(host: string): Promise<string[]> {
    return this.hosts.get(host) ?? [];
  }
}

/** A trial shop's rules: private targets refused, http allowed (the test world is not production). */
/**
 * The support desk's chat side, played: topics it made, what reached staff and shoppers (in order), and a switch
 * for "Telegram is unreachable" (every call throws, as the bot's relay does while the Bot API does not answer).
 */
export class SupportChats implements SupportRelay {
  readonly threads: number[] = [];
  readonly toStaffLog: Array<{ ticketId: number; threadId: number | null; message: TicketMessage }> = [];
  readonly toShopperLog: Array<{ ticketId: number; userId: string; message: TicketMessage }> = [];
  readonly toSellerLog: Array<{ ticketId: number; sellerId: number | null; message: TicketMessage }> = [];
  down = false;
  /** null: staff are written to privately (no SUPPORT_CHAT_ID). */
  forum = true;
  private nextThread = 100;

  async openThread(): Promise<number | null> {
    if (this.down) throw new Error('Bot API unreachable');
    if (!this.forum) return null;
    const id = this.nextThread++;
    this.threads.push(id);
    return id;
  }

  async toStaff(ticket: Ticket, message: TicketMessage): Promise<RelayOutcome> {
    if (this.down) throw new Error('Bot API unreachable');
    this.toStaffLog.push({ ticketId: ticket.id, threadId: ticket.threadId, message });
    return 'relayed';
  }

  async toShopper(ticket: Ticket, message: TicketMessage): Promise<RelayOutcome> {
    if (this.down) throw new Error('Bot API unreachable');
    this.toShopperLog.push({ ticketId: ticket.id, userId: ticket.userId, message });
    return 'relayed';
  }

  async toSeller(ticket: Ticket, message: TicketMessage): Promise<RelayOutcome> {
    if (this.down) throw new Error('Bot API unreachable');
    this.toSellerLog.push({ ticketId: ticket.id, sellerId: ticket.sellerId, message });
    return 'relayed';
  }
}

export const WORLD_WEBHOOK_RULES: WebhookUrlRules = { allowPrivate: false, requireHttps: false };

export interface DomainWorld {
  shop: Shop;
  dns: ScriptedDns;
  persistence: Persistence;
  clock: TestClock;
  provider: ScriptedProvider;
  webhook: MerchantWebhook;
  notices: NoticeLog;
  supportChats: SupportChats;
  limits: ShopLimits;
  /** Runs the outbox until nothing is due (deliveries, notices, refund executions), as the pump would after a commit. */
  drain(): Promise<number>;
  /** A shopper the shop knows, with `credit` on their balance. */
  shopper(id: string, credit?: number): Promise<string>;
  product(input: ProductInput & { codes?: string[] }): Promise<number>;
  /** A provider event as the verified notification would carry it. */
  paid(trade: ProviderTrade, eventId?: string): ProviderEvent;
  close(): Promise<void>;
}

/** A fresh shop on an in-memory store; `close()` after the suite. */
export async function openDomainWorld(
  limits: Partial<ShopLimits> = {},
  choice: Pick<PaymentDeps, 'paymentMethods' | 'paymentExceptions'> = {},
  webhookUrls: WebhookUrlRules = WORLD_WEBHOOK_RULES,
): Promise<DomainWorld> {
  const persistence = createPersistence({ sqlitePath: ':memory:', logger: { warn: () => undefined, error: () => undefined } });
  await persistence.migrate();
  const clock = new TestClock();
  const provider = new ScriptedProvider();
  const webhook = new MerchantWebhook();
  const notices = new NoticeLog();
  const dns = new ScriptedDns();
  const supportChats = new SupportChats();
  const shopLimits: ShopLimits = { ...DEFAULT_LIMITS, ...limits };
  // The in-process twins, on the test's clock: a throttle's interval passes when the test moves time.
  const redisParts = createRedisParts(undefined, { now: () => clock.now().getTime() });
  const shop = createShop({
    uow: persistence.uow,
    clock,
    ids: new CountingIds(),
    limits: shopLimits,
    referralTerms: { referrerCredit: minor(500), refereeCredit: minor(300), graceMs: 72 * 3_600_000, maxPerReferrer: 100, maxTotal: minor(0) },
    importFiles: new TempImportFiles(),
    webhookTargets: { rules: webhookUrls, resolver: dns },
    webhook,
    providers: { wechatpay: provider },
    ...choice,
    coordination: { flights: redisParts.flights },
    notifier: notices,
    support: { remindAfterMs: 30 * 60_000 },
    supportRelay: supportChats,
    lock: redisParts.lock,
    log: () => undefined,
  });
  const dispatch = { uow: persistence.uow, clock, handlers: new OutboxHandlers(outboxHandlersOf(shop)), owner: 'test', leaseMs: 60_000, log: () => undefined };
  let events = 0;
  return {
    shop,
    dns,
    persistence,
    clock,
    provider,
    webhook,
    notices,
    supportChats,
    limits: shopLimits,
    async drain() {
      let handled = 0;
      for (let round = 0; round < 20; round += 1) {
        const report = await dispatchOutbox(dispatch, 100);
        handled += report.claimed;
        if (report.claimed === 0) break;
      }
      return handled;
    },
    async shopper(id, credit = 0) {
      await shop.account.identifyShopper({ id, firstName: `Shopper ${id}`, lastName: null, username: null, languageCode: 'en' });
      if (credit > 0) {
        const given = await shop.account.adjustCredit({ userId: id, amount: credit, reason: 'test credit' });
        if (!given.ok) throw new Error(given.error.message);
      }
      return id;
    },
    async product({ codes, ...input }) {
      const created = await shop.catalog.createProduct(input);
      if (!created.ok) throw new Error(created.error.message);
      if (codes) {
        const added = await shop.catalog.addCodes(created.value.id, codes);
        if (!added.ok) throw new Error(added.error.message);
      }
      return created.value.id;
    },
    paid(trade, eventId) {
      events += 1;
      return { type: 'TRANSACTION.SUCCESS', eventId: eventId ?? `EV-${events}`, trade };
    },
    close: () => persistence.close(),
  };
}

/** The unwrapped value of a Result a test expects to succeed. */
export function value<T, E>(result: Result<T, E>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}
