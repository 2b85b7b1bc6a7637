import { Result, ok } from '../../../domain/shared/result';
import { JsonObject, isObject } from '../wechatpay/json-shape';
import { parseRfc3339 } from '../wechatpay/rfc3339';
import { WireError, paramError, wireError } from './wire-error';

export const OUT_TRADE_NO = /^[0-9A-Za-z_\-*]{6,32}$/;
export const OUT_REFUND_NO = /^[0-9A-Za-z_\-|*@]{1,64}$/;
const chars = (s: string): number => [...s].length;

export interface ValidNativeOrder {
  appId: string;
  mchId: string;
  description: string;
  outTradeNo: string;
  notifyUrl: string;
  total: number;
  currency: string;
  timeExpire?: { text: string; at: Date };
  attach?: string;
}

export interface ValidRefund {
  outTradeNo?: string;
  transactionId?: string;
  outRefundNo: string;
  reason?: string;
  notifyUrl?: string;
  refund: number;
  total: number;
  currency: string;
}

function requiredString(o: JsonObject, field: string, max: number): Result<string, WireError> {
  const v = o[field];
  if (v === undefined || v === null) return paramError(field, v ?? null, 'is required');
  if (typeof v !== 'string') return paramError(field, v, 'must be a string');
  if (v === '') return paramError(field, v, 'must not be empty');
  if (chars(v) > max) return paramError(field, v, `must be at most ${max} characters`);
  return ok(v);
}

function optionalString(o: JsonObject, field: string, max: number): Result<string | undefined, WireError> {
  if (o[field] === undefined) return ok(undefined);
  return requiredString(o, field, max);
}

function notifyUrl(o: JsonObject, field: string, required: boolean, allowHttp: boolean): Result<string | undefined, WireError> {
  const v = required ? requiredString(o, field, 255) : optionalString(o, field, 255);
  if (!v.ok || v.value === undefined) return v;
  const pattern = allowHttp ? /^https?:\/\/[^/?#\s]+[^?#\s]*$/ : /^https:\/\/[^/?#\s]+[^?#\s]*$/;
  if (!pattern.test(v.value)) return paramError(field, v.value, `must be an ${allowHttp ? 'http(s)' : 'https'} URL without query string`);
  return v;
}

function amount<F extends string>(o: JsonObject, fields: readonly F[]): Result<{ values: Record<F, number>; currency: string }, WireError> {
  const a = o['amount'];
  if (!isObject(a)) return paramError('amount', a ?? null, 'is required and must be an object');
  // Complete once the loop below has set every field (any missing one returns an error instead).
  const out = {} as Record<F, number>;
  for (const f of fields) {
    const v = a[f];
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 1) return paramError(`amount.${f}`, v ?? null, 'must be a positive integer number of fen');
    out[f] = v;
  }
  const currency = a['currency'] ?? 'CNY';
  if (currency !== 'CNY') return paramError('amount.currency', currency, 'must be CNY');
  return ok({ values: out, currency });
}

export function parseBody(raw: Buffer): Result<JsonObject, WireError> {
  if (raw.length === 0) return wireError(400, 'PARAM_ERROR', 'request body is empty');
  try {
    const v: unknown = JSON.parse(raw.toString('utf8'));
    return isObject(v) ? ok(v) : wireError(400, 'PARAM_ERROR', 'request body must be a JSON object');
  } catch {
    return wireError(400, 'PARAM_ERROR', 'request body is not valid JSON');
  }
}

export function validateNativeOrder(o: JsonObject, now: Date, allowHttpNotifyUrl: boolean): Result<ValidNativeOrder, WireError> {
  const appId = requiredString(o, 'appid', 32);
  if (!appId.ok) return appId;
  const mchId = requiredString(o, 'mchid', 32);
  if (!mchId.ok) return mchId;
  const description = requiredString(o, 'description', 127);
  if (!description.ok) return description;
  const outTradeNo = requiredString(o, 'out_trade_no', 32);
  if (!outTradeNo.ok) return outTradeNo;
  if (!OUT_TRADE_NO.test(outTradeNo.value)) return paramError('out_trade_no', outTradeNo.value, 'must be 6-32 characters of [0-9A-Za-z_-*]');
  const url = notifyUrl(o, 'notify_url', true, allowHttpNotifyUrl);
  if (!url.ok) return url;
  const money = amount(o, ['total']);
  if (!money.ok) return money;
  const attach = optionalString(o, 'attach', 128);
  if (!attach.ok) return attach;
  const order: ValidNativeOrder = {
    appId: appId.value,
    mchId: mchId.value,
    description: description.value,
    outTradeNo: outTradeNo.value,
    notifyUrl: url.value as string,
    total: money.value.values.total,
    currency: money.value.currency,
    ...(attach.value !== undefined ? { attach: attach.value } : {}),
  };
  if (o['time_expire'] !== undefined) {
    const text = o['time_expire'];
    const at = typeof text === 'string' ? parseRfc3339(text) : undefined;
    if (typeof text !== 'string' || !at) return paramError('time_expire', text, 'must be an RFC 3339 time with offset, e.g. 2026-11-21T10:34:56+08:00');
    if (at.getTime() <= now.getTime()) return paramError('time_expire', text, 'is already in the past');
    order.timeExpire = { text, at };
  }
  return ok(order);
}

export function validateRefund(o: JsonObject, allowHttpNotifyUrl: boolean): Result<ValidRefund, WireError> {
  const outTradeNo = optionalString(o, 'out_trade_no', 32);
  if (!outTradeNo.ok) return outTradeNo;
  const transactionId = optionalString(o, 'transaction_id', 32);
  if (!transactionId.ok) return transactionId;
  if (outTradeNo.value === undefined && transactionId.value === undefined)
    return paramError('out_trade_no', null, 'out_trade_no or transaction_id is required');
  const outRefundNo = requiredString(o, 'out_refund_no', 64);
  if (!outRefundNo.ok) return outRefundNo;
  if (!OUT_REFUND_NO.test(outRefundNo.value)) return paramError('out_refund_no', outRefundNo.value, 'must be 1-64 characters of [0-9A-Za-z_-|*@]');
  const reason = optionalString(o, 'reason', 80);
  if (!reason.ok) return reason;
  const url = notifyUrl(o, 'notify_url', false, allowHttpNotifyUrl);
  if (!url.ok) return url;
  const money = amount(o, ['refund', 'total']);
  if (!money.ok) return money;
  if (o['amount'] !== undefined && isObject(o['amount']) && o['amount']['currency'] === undefined) return paramError('amount.currency', null, 'is required');
  return ok({
    ...(outTradeNo.value !== undefined ? { outTradeNo: outTradeNo.value } : {}),
    ...(transactionId.value !== undefined ? { transactionId: transactionId.value } : {}),
    outRefundNo: outRefundNo.value,
    ...(reason.value !== undefined ? { reason: reason.value } : {}),
    ...(url.value !== undefined ? { notifyUrl: url.value } : {}),
    refund: money.value.values.refund,
    total: money.value.values.total,
    currency: money.value.currency,
  });
}
