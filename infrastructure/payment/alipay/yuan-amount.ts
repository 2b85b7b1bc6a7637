import { Minor, minor } from '../../../domain/shared/money';

const YUAN = /^(0|[1-9]\d{0,11})(?:\.(\d{1,2}))?$/;

/** Fen to Alipay's yuan string, exactly ("9.90" for 990): integer arithmetic, never a float in between. */
export function yuanOf(amount: Minor): string {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError(`amount must be a whole, non-negative number of fen, got ${amount}`);
  return `${Math.floor(amount / 100)}.${String(amount % 100).padStart(2, '0')}`;
}

/** Alipay's yuan string to fen, exactly; anything but a plain amount with at most two decimals is undefined. */
export function minorOfYuan(text: string | undefined): Minor | undefined {
  const m = text === undefined ? null : YUAN.exec(text);
  if (!m) return undefined;
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(fen) ? minor(fen) : undefined;
}
