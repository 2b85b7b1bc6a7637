import { Result, ok } from '../../../domain/shared/result';
import { ValidNativeOrder, ValidRefund } from './order-validation';
import { SANDBOX_PAYER_OPENID, newPayPageId, newRefundId, newTransactionId } from './sandbox-ids';
import { SandboxCharge, SandboxRefund, SandboxTrade } from './sandbox-records';
import { SandboxState, StateJournal } from './state-log';
import { WireError, wireError } from './wire-error';

/** Without time_expire WeChat keeps an unpaid Native order payable for 7 days. */
const DEFAULT_PAYABLE_MS = 7 * 24 * 3600 * 1000;

/**
 * The gateway's ledger of trades and refunds, with WeChat's rules for each transition. Every change is reported to
 * the journal (the replies wait until it is durable), so a restarted shop (and its embedded gateway) still knows its
 * trades.
 */
export class TradeBook {
  /** By out_trade_no: the repair job asks about thousands of trades, a scan each would grow with the book. */
  private readonly byOutTradeNo = new Map<string, SandboxTrade>();

  constructor(
    private readonly state: SandboxState,
    private readonly clock: () => Date,
    private readonly journal: StateJournal,
  ) {
    for (const t of state.trades) if (!this.byOutTradeNo.has(t.outTradeNo)) this.byOutTradeNo.set(t.outTradeNo, t);
  }

  trades(): SandboxTrade[] {
    return this.state.trades.map((t) => this.refreshed(t));
  }

  refunds(): SandboxRefund[] {
    return [...this.state.refunds];
  }

  trade(outTradeNo: string): SandboxTrade | undefined {
    const t = this.byOutTradeNo.get(outTradeNo);
    return t && this.refreshed(t);
  }

  tradeByPageId(id: string): SandboxTrade | undefined {
    const t = this.state.trades.find((x) => x.id === id);
    return t && this.refreshed(t);
  }

  tradeByTransactionId(transactionId: string): SandboxTrade | undefined {
    const t = this.state.trades.find((x) => x.transactionId === transactionId || x.extraCharges?.some((c) => c.transactionId === transactionId));
    return t && this.refreshed(t);
  }

  refund(outRefundNo: string): SandboxRefund | undefined {
    return this.state.refunds.find((r) => r.outRefundNo === outRefundNo);
  }

  /** time_expire is honoured lazily: an unpaid trade past it reads as CLOSED from then on. */
  private refreshed(t: SandboxTrade): SandboxTrade {
    const now = this.clock();
    if (t.state === 'NOTPAY' && now.getTime() >= Date.parse(t.expiresAt)) {
      t.state = 'CLOSED';
      t.closedAt = now.toISOString();
      t.closedByExpiry = true;
      this.journal.changed({ trade: t });
    }
    return t;
  }

  /** A repeated order with identical content is the same order (same code_url); anything else is refused. */
  placeOrder(order: ValidNativeOrder, codeUrlFor: (id: string) => string): Result<{ trade: SandboxTrade; codeUrl: string }, WireError> {
    const existing = this.trade(order.outTradeNo);
    if (existing) {
      if (existing.total !== order.total || existing.description !== order.description || existing.appId !== order.appId) {
        return wireError(403, 'OUT_TRADE_NO_USED', `out_trade_no ${order.outTradeNo} was already used with a different amount or description`);
      }
      if (existing.state === 'SUCCESS' || existing.state === 'REFUND') return wireError(400, 'ORDERPAID', `order ${order.outTradeNo} is already paid`);
      if (existing.state === 'CLOSED') return wireError(400, 'ORDER_CLOSED', `order ${order.outTradeNo} is closed`);
      return ok({ trade: existing, codeUrl: codeUrlFor(existing.id) });
    }
    const now = this.clock();
    const trade: SandboxTrade = {
      id: newPayPageId(),
      outTradeNo: order.outTradeNo,
      appId: order.appId,
      mchId: order.mchId,
      description: order.description,
      total: order.total,
      currency: order.currency,
      ...(order.attach !== undefined ? { attach: order.attach } : {}),
      notifyUrl: order.notifyUrl,
      ...(order.timeExpire ? { timeExpire: order.timeExpire.text } : {}),
      expiresAt: new Date(order.timeExpire ? order.timeExpire.at.getTime() : now.getTime() + DEFAULT_PAYABLE_MS).toISOString(),
      state: 'NOTPAY',
      createdAt: now.toISOString(),
      refunded: 0,
    };
    this.state.trades.push(trade);
    this.byOutTradeNo.set(trade.outTradeNo, trade);
    this.journal.changed({ trade });
    return ok({ trade, codeUrl: codeUrlFor(trade.id) });
  }

  pay(outTradeNo: string): Result<SandboxTrade, WireError> {
    const t = this.trade(outTradeNo);
    if (!t) return wireError(404, 'ORDER_NOT_EXIST', `no trade ${outTradeNo}`);
    if (t.state === 'SUCCESS' || t.state === 'REFUND') return wireError(400, 'ORDERPAID', `trade ${outTradeNo} is already paid`);
    if (t.state === 'CLOSED') return wireError(400, 'ORDER_CLOSED', `trade ${outTradeNo} is closed${t.closedByExpiry ? ' (expired)' : ''}`);
    const now = this.clock();
    t.state = 'SUCCESS';
    t.transactionId = newTransactionId(now);
    t.successTime = now.toISOString();
    t.payerOpenId = SANDBOX_PAYER_OPENID;
    this.journal.changed({ trade: t });
    return ok(t);
  }

  /** The same trade charged a second time (the fault a shop must survive: money it cannot deliver twice). */
  chargeAgain(outTradeNo: string): Result<{ trade: SandboxTrade; charge: SandboxCharge }, WireError> {
    const t = this.trade(outTradeNo);
    if (!t) return wireError(404, 'ORDER_NOT_EXIST', `no trade ${outTradeNo}`);
    if (t.state !== 'SUCCESS' && t.state !== 'REFUND') return wireError(400, 'INVALID_REQUEST', `trade ${outTradeNo} is not paid yet (${t.state})`);
    const now = this.clock();
    const charge: SandboxCharge = { transactionId: newTransactionId(now), successTime: now.toISOString(), refunded: 0 };
    t.extraCharges = [...(t.extraCharges ?? []), charge];
    this.journal.changed({ trade: t });
    return ok({ trade: t, charge });
  }

  /** WeChat refuses to close a paid trade; an expired one may be closed once by the merchant, then never again. */
  close(outTradeNo: string): Result<SandboxTrade, WireError> {
    const t = this.trade(outTradeNo);
    if (!t) return wireError(404, 'ORDER_NOT_EXIST', `no trade ${outTradeNo}`);
    if (t.state === 'SUCCESS' || t.state === 'REFUND') return wireError(400, 'ORDERPAID', `trade ${outTradeNo} is paid and cannot be closed`);
    if (t.state === 'CLOSED' && !t.closedByExpiry) return wireError(400, 'ORDER_CLOSED', `trade ${outTradeNo} is already closed`);
    t.state = 'CLOSED';
    t.closedAt = t.closedAt ?? this.clock().toISOString();
    t.closedByExpiry = false;
    this.journal.changed({ trade: t });
    return ok(t);
  }

  /** Idempotent by out_refund_no; the sum of refunds never exceeds what was paid. */
  startRefund(r: ValidRefund, mchId: string): Result<{ refund: SandboxRefund; created: boolean }, WireError> {
    const t = r.outTradeNo !== undefined ? this.trade(r.outTradeNo) : this.tradeByTransactionId(r.transactionId as string);
    if (!t || t.mchId !== mchId) return wireError(404, 'RESOURCE_NOT_EXISTS', 'the order to refund does not exist');
    const extra = r.transactionId !== undefined ? t.extraCharges?.find((c) => c.transactionId === r.transactionId) : undefined;
    if (r.transactionId !== undefined && t.transactionId !== r.transactionId && !extra)
      return wireError(400, 'INVALID_REQUEST', 'transaction_id does not belong to out_trade_no');
    const charged = extra ?? t;
    const previous = this.refund(r.outRefundNo);
    if (previous) {
      if (previous.outTradeNo !== t.outTradeNo || previous.refund !== r.refund || previous.total !== r.total) {
        return wireError(400, 'INVALID_REQUEST', `out_refund_no ${r.outRefundNo} was already used with different parameters`);
      }
      return ok({ refund: previous, created: false });
    }
    if (t.state !== 'SUCCESS' && t.state !== 'REFUND') return wireError(400, 'INVALID_REQUEST', `trade ${t.outTradeNo} is not paid (${t.state})`);
    if (r.total !== t.total) return wireError(400, 'INVALID_REQUEST', `amount.total ${r.total} does not match the order total ${t.total}`);
    const left = t.total - charged.refunded;
    if (r.refund > left) return wireError(403, 'NOT_ENOUGH', `refund ${r.refund} exceeds the refundable remainder ${left} of trade ${t.outTradeNo}`);
    const refund: SandboxRefund = {
      refundId: newRefundId(),
      outRefundNo: r.outRefundNo,
      outTradeNo: t.outTradeNo,
      transactionId: extra ? extra.transactionId : (t.transactionId as string),
      mchId,
      ...(r.reason !== undefined ? { reason: r.reason } : {}),
      ...(r.notifyUrl !== undefined ? { notifyUrl: r.notifyUrl } : {}),
      refund: r.refund,
      total: r.total,
      currency: r.currency,
      status: 'PROCESSING',
      createdAt: this.clock().toISOString(),
    };
    charged.refunded += r.refund;
    if (!extra) t.state = 'REFUND';
    this.state.refunds.push(refund);
    this.journal.changed({ trade: t });
    this.journal.changed({ refund });
    return ok({ refund, created: true });
  }

  completeRefund(outRefundNo: string): SandboxRefund | undefined {
    const r = this.refund(outRefundNo);
    if (!r || r.status !== 'PROCESSING') return undefined;
    r.status = 'SUCCESS';
    r.successTime = this.clock().toISOString();
    this.journal.changed({ refund: r });
    return r;
  }
}
