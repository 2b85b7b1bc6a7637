import { randomBytes, randomUUID } from 'node:crypto';
import { formatBeijingTime } from '../wechatpay/rfc3339';

const digits = (n: number): string => [...randomBytes(n)].map((b) => String(b % 10)).join('');

/** 28 digits like WeChat's: 4200 + the Beijing date + random digits. */
export function newTransactionId(at: Date): string {
  return `4200${formatBeijingTime(at).slice(0, 10).replace(/-/g, '')}${digits(16)}`;
}

export const newRefundId = (): string => `50${digits(27)}`;
export const newPayPageId = (): string => randomBytes(12).toString('hex');
export const newEventId = (): string => randomUUID();
export const newRequestId = (): string => randomBytes(16).toString('hex').toUpperCase();
/** The one sandbox shopper; a stable openid lets the shop see repeat payments by "the same person". */
export const SANDBOX_PAYER_OPENID = 'oSandboxPayer0000000000000000';
