import { Ids } from '../shared/ids';

/**
 * `T` + UTC yyyyMMddHHmmss + 10 random digits (25 chars): sortable by time, unguessable enough that a stranger cannot
 * walk other shoppers' orders, and valid as a WeChat Pay out_trade_no (6–32 of [0-9A-Za-z_-*]). Ten digits keep a
 * collision within one busy second rare (1,000 orders: ~1 in 20,000); the primary key still catches it and the
 * caller draws again.
 */
export function newOrderNo(now: Date, ids: Ids): string {
  const stamp = now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return `T${stamp}${ids.digits(10)}`;
}

export const ORDER_NO_PATTERN = /^T\d{24}$/;
