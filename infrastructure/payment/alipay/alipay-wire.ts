import { ProviderRefund, ProviderTrade, TradeState } from '../../../domain/payment';
import { Result, err, ok } from '../../../domain/shared/result';
import { AlipayReply, text } from './alipay-client';
import { parseAlipayTime } from './beijing-time';
import { minorOfYuan } from './yuan-amount';

/** Alipay charges face-to-face payments in yuan: everything it reports is CNY. */
export const ALIPAY_CURRENCY = 'CNY';

/** Paid: TRADE_FINISHED is a paid trade past its refund period. */
export const PAID_TRADE_STATUSES: ReadonlyArray<string> = ['TRADE_SUCCESS', 'TRADE_FINISHED'];

function tradeState(status: string, reply: AlipayReply): TradeState | undefined {
  if (PAID_TRADE_STATUSES.includes(status)) return 'SUCCESS';
  if (status === 'WAIT_BUYER_PAY') return 'NOTPAY';
  // A trade refunded in full closes; it was paid (send_pay_date says when, the buyer paid an amount), which is
  // WeChat's REFUND.
  if (status === 'TRADE_CLOSED') return text(reply, 'send_pay_date') || (minorOfYuan(text(reply, 'buyer_pay_amount')) ?? 0) > 0 ? 'REFUND' : 'CLOSED';
  return undefined;
}

/** An alipay.trade.query answer as the provider-neutral trade. */
export function toProviderTrade(reply: AlipayReply, outTradeNo: string): Result<ProviderTrade, string> {
  const status = text(reply, 'trade_status') ?? '';
  const state = tradeState(status, reply);
  if (!state) return err(`trade ${outTradeNo} has an unknown trade_status "${status}"`);
  const answeredNo = text(reply, 'out_trade_no');
  if (answeredNo !== undefined && answeredNo !== outTradeNo) return err(`asked about ${outTradeNo}, Alipay answered about ${answeredNo}`);
  const trade: ProviderTrade = { outTradeNo, tradeState: state, currency: ALIPAY_CURRENCY };
  const tradeNo = text(reply, 'trade_no');
  const amount = minorOfYuan(text(reply, 'total_amount'));
  const paidAt = parseAlipayTime(text(reply, 'send_pay_date'));
  if (tradeNo) trade.transactionId = tradeNo;
  if (amount !== undefined) trade.amount = amount;
  if (paidAt) trade.successTime = paidAt;
  if ((state === 'SUCCESS' || state === 'REFUND') && (!trade.transactionId || trade.amount === undefined))
    return err(`a paid trade must carry trade_no and a yuan total_amount (got "${text(reply, 'total_amount') ?? ''}")`);
  return ok(trade);
}

/** An alipay.trade.fastpay.refund.query answer; null when Alipay has no successful refund by that number. */
export function toProviderRefund(reply: AlipayReply, outRefundNo: string, outTradeNo: string): ProviderRefund | null {
  // "refund_status absent: the refund was not received, or failed" — Alipay's own words; sending it again is safe.
  if (text(reply, 'refund_status') !== 'REFUND_SUCCESS') return null;
  const refund: ProviderRefund = { outRefundNo, outTradeNo, status: 'SUCCESS' };
  const refunded = minorOfYuan(text(reply, 'refund_amount'));
  const total = minorOfYuan(text(reply, 'total_amount'));
  const at = parseAlipayTime(text(reply, 'gmt_refund_pay'));
  const tradeNo = text(reply, 'trade_no');
  if (refunded !== undefined) refund.refundAmount = refunded;
  if (total !== undefined) refund.totalAmount = total;
  if (at) refund.successTime = at;
  if (tradeNo) refund.refundId = `${tradeNo}:${outRefundNo}`;
  return refund;
}
