import { ProviderError, ProviderErrorCode } from '../../../domain/payment';

/** What a non-10000 Alipay answer said: `code` (40004 …) and the business `sub_code` (ACQ.TRADE_NOT_EXIST …). */
export interface AlipayFailure {
  method: string;
  code: string;
  msg?: string;
  subCode?: string;
  subMsg?: string;
}

// Alipay prefixes sub codes with "aop." on some gateways and not on others: compared without it.
const bare = (subCode: string | undefined): string => (subCode ?? '').replace(/^aop\./, '');

/** Worth sending again unchanged: the gateway is busy or broke (20000, ACQ.SYSTEM_ERROR), not our request. */
export function isRetryableFailure(f: AlipayFailure): boolean {
  return f.code === '20000' || ['ACQ.SYSTEM_ERROR', 'isp.unknow-error', 'isp.unknown-error'].includes(bare(f.subCode));
}

const BY_SUB_CODE: Readonly<Record<string, ProviderErrorCode>> = {
  'ACQ.TRADE_NOT_EXIST': 'ORDER_NOT_EXIST',
  'ACQ.TRADE_HAS_SUCCESS': 'ALREADY_PAID',
  'ACQ.TRADE_HAS_FINISHED': 'ALREADY_PAID',
  'ACQ.TRADE_HAS_CLOSE': 'ORDER_CLOSED',
  'ACQ.SELLER_BALANCE_NOT_ENOUGH': 'NOT_ENOUGH',
  'ACQ.REFUND_AMT_NOT_EQUAL_TOTAL': 'NOT_ENOUGH',
};

/** One place decides what an Alipay failure means to the shop. */
export function mapAlipayFailure(f: AlipayFailure): ProviderError {
  const parts = [`Alipay ${f.method} answered ${f.code}`, f.msg, f.subCode, f.subMsg && `"${f.subMsg}"`].filter((p): p is string => !!p);
  const base = { message: parts.join(' '), providerCode: f.subCode ?? f.code };
  if (isRetryableFailure(f)) return { code: 'PROVIDER_UNAVAILABLE', ...base };
  return { code: BY_SUB_CODE[bare(f.subCode)] ?? 'PROVIDER_REJECTED', ...base };
}
