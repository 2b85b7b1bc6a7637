import { randomBytes } from 'node:crypto';
import { formatAlipayTime } from '../../alipay/beijing-time';
import { AlipayRefund, AlipayState, AlipayTrade } from './alipay-records';

/** A business refusal in Alipay's words: 40004 with its ACQ sub code. */
export interface AlipayRefusal {
  subCode: string;
  subMsg: string;
}

export type Ledgered<T> = { ok: true; value: T } | { ok: false; error: AlipayRefusal };
const ok = <T>(value: T): Ledgered<T> => ({ ok: true, value });
const refuse = (subCode: string, subMsg: string): Ledgered<never> => ({ ok: false, error: { subCode, subMsg } });

const digits = (n: number): string => [...randomBytes(n)].map((b) => String(b % 10)).join('');
/** 28 digits like Alipay's: the Beijing date, then 22 more. */
const newTradeNo = (at: Date): string => `${formatAlipayTime(at).slice(0, 10).replace(/-/g, '')}22${digits(18)}`;

/** Without time_expire a precreated code stays payable for two hours (Alipay's qr_code validity). */
const DEFAULT_PAYABLE_MS = 2 * 3600 * 1000;

export interface PrecreateInput {
  appId: string;
  outTradeNo: string;
  total: number;
  subject: string;
  notifyUrl?: string;
  timeExpire?: { text: string; at: Date };
}

/** The stand-in's trades and refunds under Alipay's rules; `persist()` after every change. */
export class AlipayLedger {
  private readonly byOutTradeNo = new Map<string, AlipayTrade>();

  constructor(
    private readonly state: AlipayState,
    private readonly clock: () => Date,
    private readonly persist: () => void,
  ) {
    for (const t of state.trades) this.byOutTradeNo.set(t.outTradeNo, t);
  }

  trades(): AlipayTrade[] {
    return this.state.trades.map((t) => this.refreshed(t));
  }

  refunds(): AlipayRefund[] {
    return [...this.state.refunds];
  }

  /** Any trade, scanned or not (the stand-in's own view). */
  trade(outTradeNo: string): AlipayTrade | undefined {
    const t = this.byOutTradeNo.get(outTradeNo);
    return t && this.refreshed(t);
  }

  tradeByPageId(id: string): AlipayTrade | undefined {
    const t = this.state.trades.find((x) => x.id === id);
    return t && this.refreshed(t);
  }

  /** The trade as the merchant's API sees it: only once the buyer has scanned (Alipay's rule). */
  visible(by: { outTradeNo?: string; tradeNo?: string }): AlipayTrade | undefined {
    const t = by.outTradeNo !== undefined ? this.trade(by.outTradeNo) : this.state.trades.find((x) => x.tradeNo === by.tradeNo);
    return t && t.scannedAt !== undefined ? this.refreshed(t) : undefined;
  }

  refund(outTradeNo: string, outRequestNo: string): AlipayRefund | undefined {
    return this.state.refunds.find((r) => r.outTradeNo === outTradeNo && r.outRequestNo === outRequestNo);
  }

  private refreshed(t: AlipayTrade): AlipayTrade {
    const now = this.clock();
    if (t.status === 'WAIT_BUYER_PAY' && now.getTime() >= Date.parse(t.expiresAt)) {
      t.status = 'TRADE_CLOSED';
      t.closedAt = now.toISOString();
      this.persist();
    }
    return t;
  }

  /** The same out_trade_no with the same content is the same code; with other content it is refused. */
  precreate(input: PrecreateInput): Ledgered<AlipayTrade> {
    const existing = this.trade(input.outTradeNo);
    if (existing) {
      if (existing.total !== input.total || existing.subject !== input.subject || existing.appId !== input.appId)
        return refuse('ACQ.CONTEXT_INCONSISTENT', `out_trade_no ${input.outTradeNo} was already used with another amount or subject`);
      if (existing.status === 'TRADE_SUCCESS' || existing.status === 'TRADE_FINISHED') return refuse('ACQ.TRADE_HAS_SUCCESS', 'the trade is paid');
      if (existing.status === 'TRADE_CLOSED') return refuse('ACQ.TRADE_HAS_CLOSE', 'the trade is closed');
      return ok(existing);
    }
    const now = this.clock();
    const trade: AlipayTrade = {
      id: randomBytes(12).toString('hex'),
      outTradeNo: input.outTradeNo,
      appId: input.appId,
      subject: input.subject,
      total: input.total,
      ...(input.notifyUrl !== undefined ? { notifyUrl: input.notifyUrl } : {}),
      ...(input.timeExpire ? { timeExpire: input.timeExpire.text } : {}),
      expiresAt: new Date(input.timeExpire ? input.timeExpire.at.getTime() : now.getTime() + DEFAULT_PAYABLE_MS).toISOString(),
      createdAt: now.toISOString(),
      status: 'WAIT_BUYER_PAY',
      refunded: 0,
    };
    this.state.trades.push(trade);
    this.byOutTradeNo.set(trade.outTradeNo, trade);
    this.persist();
    return ok(trade);
  }

  /** The buyer scans the code: the trade now exists at Alipay (WAIT_BUYER_PAY, with its trade_no). */
  scan(t: AlipayTrade): AlipayTrade {
    if (t.scannedAt === undefined) {
      const now = this.clock();
      t.scannedAt = now.toISOString();
      t.tradeNo = newTradeNo(now);
      this.persist();
    }
    return t;
  }

  pay(outTradeNo: string, buyerLogonId: string): Ledgered<AlipayTrade> {
    const t = this.trade(outTradeNo);
    if (!t) return refuse('ACQ.TRADE_NOT_EXIST', `no trade ${outTradeNo}`);
    this.scan(t);
    if (t.status === 'TRADE_SUCCESS' || t.status === 'TRADE_FINISHED') return refuse('ACQ.TRADE_HAS_SUCCESS', `trade ${outTradeNo} is already paid`);
    if (t.status === 'TRADE_CLOSED') return refuse('ACQ.TRADE_HAS_CLOSE', `trade ${outTradeNo} is closed`);
    t.status = 'TRADE_SUCCESS';
    t.paidAt = this.clock().toISOString();
    t.buyerLogonId = buyerLogonId;
    this.persist();
    return ok(t);
  }

  close(by: { outTradeNo?: string; tradeNo?: string }): Ledgered<AlipayTrade> {
    const t = this.visible(by);
    if (!t) return refuse('ACQ.TRADE_NOT_EXIST', 'the trade does not exist');
    if (t.status !== 'WAIT_BUYER_PAY') return refuse('ACQ.TRADE_STATUS_ERROR', `the trade is ${t.status} and cannot be closed`);
    t.status = 'TRADE_CLOSED';
    t.closedAt = this.clock().toISOString();
    this.persist();
    return ok(t);
  }

  /** Idempotent by out_request_no (fund_change N on a repeat); refunds never exceed what was paid. */
  startRefund(
    by: { outTradeNo?: string; tradeNo?: string },
    outRequestNo: string,
    amount: number,
    reason?: string,
  ): Ledgered<{ trade: AlipayTrade; refund: AlipayRefund; created: boolean }> {
    const t = this.visible(by);
    if (!t) return refuse('ACQ.TRADE_NOT_EXIST', 'the trade to refund does not exist');
    const previous = this.refund(t.outTradeNo, outRequestNo);
    if (previous) {
      if (previous.amount !== amount) return refuse('ACQ.CONTEXT_INCONSISTENT', `out_request_no ${outRequestNo} was used with another amount`);
      return ok({ trade: t, refund: previous, created: false });
    }
    if (t.status !== 'TRADE_SUCCESS') return refuse('ACQ.TRADE_STATUS_ERROR', `the trade is ${t.status} and cannot be refunded`);
    if (amount <= 0 || amount > t.total - t.refunded)
      return refuse('ACQ.REFUND_AMT_NOT_EQUAL_TOTAL', `refund ${amount} exceeds the refundable ${t.total - t.refunded}`);
    const refund: AlipayRefund = {
      outRequestNo,
      outTradeNo: t.outTradeNo,
      tradeNo: t.tradeNo as string,
      amount,
      ...(reason ? { reason } : {}),
      at: this.clock().toISOString(),
    };
    t.refunded += amount;
    // Refunded in full, the trade closes (and Alipay by default does not notify TRADE_CLOSED).
    if (t.refunded === t.total) {
      t.status = 'TRADE_CLOSED';
      t.closedAt = refund.at;
    }
    this.state.refunds.push(refund);
    this.persist();
    return ok({ trade: t, refund, created: true });
  }
}
