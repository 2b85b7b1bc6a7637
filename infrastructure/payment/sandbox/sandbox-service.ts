import { Result, ok } from '../../../domain/shared/result';
import { buildNotificationEnvelope } from './notification-envelope';
import { NotificationDispatcher } from './notification-dispatcher';
import { ValidRefund } from './order-validation';
import { SandboxCharge, SandboxRefund, SandboxTrade } from './sandbox-records';
import { refundNotificationJson, transactionJson } from './sandbox-wire';
import { TradeBook } from './trade-book';
import { WireError } from './wire-error';

export interface SandboxServiceOptions {
  apiV3Key: string;
  book: TradeBook;
  dispatcher: NotificationDispatcher;
  clock: () => Date;
  /** PROCESSING → SUCCESS after this long; 0 answers SUCCESS at once. */
  refundDelayMs: number;
}

/** What happens after a state change that the outside world must hear about: the callbacks. */
export class SandboxService {
  private readonly refundTimers = new Set<NodeJS.Timeout>();

  constructor(private readonly o: SandboxServiceOptions) {}

  /** The shopper pays (pay page, admin API or a test): mark paid, then call the merchant back. */
  pay(outTradeNo: string): Result<SandboxTrade, WireError> {
    const paid = this.o.book.pay(outTradeNo);
    if (!paid.ok) return paid;
    this.notifyPaid(paid.value);
    return paid;
  }

  /** A paid trade charged once more: the merchant hears of a second, different successful transaction. */
  payAgain(outTradeNo: string): Result<SandboxCharge, WireError> {
    const charged = this.o.book.chargeAgain(outTradeNo);
    if (!charged.ok) return charged;
    const { trade, charge } = charged.value;
    this.notifyPaid({ ...trade, state: 'SUCCESS', transactionId: charge.transactionId, successTime: charge.successTime });
    return ok(charge);
  }

  private notifyPaid(t: SandboxTrade): void {
    const envelope = buildNotificationEnvelope({
      eventType: 'TRANSACTION.SUCCESS',
      summary: '支付成功',
      originalType: 'transaction',
      plaintext: transactionJson(t),
      apiV3Key: this.o.apiV3Key,
      createdAt: this.o.clock(),
    });
    this.o.dispatcher.enqueue({ ...envelope, eventType: 'TRANSACTION.SUCCESS', notifyUrl: t.notifyUrl, outTradeNo: t.outTradeNo });
  }

  refund(request: ValidRefund, mchId: string): Result<SandboxRefund, WireError> {
    const started = this.o.book.startRefund(request, mchId);
    if (!started.ok) return started;
    const { refund, created } = started.value;
    if (created) {
      if (this.o.refundDelayMs === 0) this.complete(refund.outRefundNo);
      else this.completeLater(refund.outRefundNo, this.o.refundDelayMs);
    }
    return ok(refund);
  }

  /** Refunds a previous run left PROCESSING finish after the usual delay. */
  resumeRefunds(): void {
    for (const r of this.o.book.refunds()) if (r.status === 'PROCESSING') this.completeLater(r.outRefundNo, this.o.refundDelayMs);
  }

  close(): void {
    for (const t of this.refundTimers) clearTimeout(t);
    this.refundTimers.clear();
  }

  private completeLater(outRefundNo: string, ms: number): void {
    const timer = setTimeout(() => {
      this.refundTimers.delete(timer);
      this.complete(outRefundNo);
    }, ms);
    this.refundTimers.add(timer);
  }

  private complete(outRefundNo: string): void {
    const r = this.o.book.completeRefund(outRefundNo);
    if (!r) return;
    const trade = this.o.book.trade(r.outTradeNo);
    const notifyUrl = r.notifyUrl ?? trade?.notifyUrl;
    if (!notifyUrl) return;
    const envelope = buildNotificationEnvelope({
      eventType: 'REFUND.SUCCESS',
      summary: '退款成功',
      originalType: 'refund',
      plaintext: refundNotificationJson(r),
      apiV3Key: this.o.apiV3Key,
      createdAt: this.o.clock(),
    });
    this.o.dispatcher.enqueue({ ...envelope, eventType: 'REFUND.SUCCESS', notifyUrl, outTradeNo: r.outTradeNo, outRefundNo: r.outRefundNo });
  }
}
