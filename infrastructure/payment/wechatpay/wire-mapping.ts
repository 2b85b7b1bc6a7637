import { minor } from '../../../domain/shared/money';
import { ProviderRefund, ProviderTrade, RefundState, TradeState } from '../../../domain/payment';
import { Result, err, ok } from '../../../domain/shared/result';
import { JsonObject, intField, objectField, stringField } from './json-shape';
import { parseRfc3339 } from './rfc3339';

const TRADE_STATES: ReadonlyArray<TradeState> = ['SUCCESS', 'REFUND', 'NOTPAY', 'CLOSED', 'REVOKED', 'USERPAYING', 'PAYERROR'];
const REFUND_STATES: ReadonlyArray<RefundState> = ['SUCCESS', 'CLOSED', 'PROCESSING', 'ABNORMAL'];

function optionalTime(o: JsonObject, key: string): Result<Date | undefined, string> {
  const text = stringField(o, key);
  if (text === undefined || text === '') return ok(undefined);
  const at = parseRfc3339(text);
  return at ? ok(at) : err(`${key} "${text}" is not an RFC 3339 time`);
}

/** A transaction as query replies and payment notifications carry it. */
export function toProviderTrade(o: JsonObject): Result<ProviderTrade, string> {
  const outTradeNo = stringField(o, 'out_trade_no');
  const state = stringField(o, 'trade_state');
  if (!outTradeNo) return err('transaction has no out_trade_no');
  if (!state || !(TRADE_STATES as ReadonlyArray<string>).includes(state)) return err(`transaction has an unknown trade_state "${state ?? ''}"`);
  const successTime = optionalTime(o, 'success_time');
  if (!successTime.ok) return successTime;
  const amount = objectField(o, 'amount');
  const total = amount ? intField(amount, 'total') : undefined;
  const currency = amount ? stringField(amount, 'currency') : undefined;
  const trade: ProviderTrade = { outTradeNo, tradeState: state as TradeState };
  const transactionId = stringField(o, 'transaction_id');
  if (transactionId) trade.transactionId = transactionId;
  if (total !== undefined) trade.amount = minor(total);
  if (currency) trade.currency = currency;
  if (successTime.value) trade.successTime = successTime.value;
  const appId = stringField(o, 'appid');
  const mchId = stringField(o, 'mchid');
  const attach = stringField(o, 'attach');
  if (appId) trade.appId = appId;
  if (mchId) trade.mchId = mchId;
  if (attach) trade.attach = attach;
  if ((state === 'SUCCESS' || state === 'REFUND') && (!trade.transactionId || trade.amount === undefined)) {
    return err(`a ${state} transaction must carry transaction_id and amount.total`);
  }
  return ok(trade);
}

/** A refund as the refund API replies (`status`) or a refund notification carries it (`refund_status`). */
export function toProviderRefund(o: JsonObject, statusKey: 'status' | 'refund_status'): Result<ProviderRefund, string> {
  const outRefundNo = stringField(o, 'out_refund_no');
  const status = stringField(o, statusKey);
  if (!outRefundNo) return err('refund has no out_refund_no');
  if (!status || !(REFUND_STATES as ReadonlyArray<string>).includes(status)) return err(`refund has an unknown ${statusKey} "${status ?? ''}"`);
  const successTime = optionalTime(o, 'success_time');
  if (!successTime.ok) return successTime;
  const refund: ProviderRefund = { outRefundNo, status: status as RefundState };
  const outTradeNo = stringField(o, 'out_trade_no');
  const refundId = stringField(o, 'refund_id');
  if (outTradeNo) refund.outTradeNo = outTradeNo;
  if (refundId) refund.refundId = refundId;
  const amount = objectField(o, 'amount');
  if (amount) {
    const refunded = intField(amount, 'refund');
    const total = intField(amount, 'total');
    if (refunded !== undefined) refund.refundAmount = minor(refunded);
    if (total !== undefined) refund.totalAmount = minor(total);
  }
  if (successTime.value) refund.successTime = successTime.value;
  return ok(refund);
}
