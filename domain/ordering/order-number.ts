import { randomInt } from 'node:crypto';

/**
 * `T` + UTC yyyyMMddHHmmss + 6 random digits (21 chars): sortable by time, unguessable enough that a stranger cannot
 * walk other shoppers' orders, and valid as a WeChat Pay out_trade_no (6–32 of [0-9A-Za-z_-*]).
 */
export function newOrderNo(now: Date): string {
  const stamp = now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return `T${stamp}${randomInt(0, 1_000_000).toString().padStart(6, '0')}`;
}

export const ORDER_NO_PATTERN = /^T\d{20}$/;
