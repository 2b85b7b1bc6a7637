declare const minorUnits: unique symbol;

/**
 * An amount of money in integer minor units (fen, cents): a plain number at run time — free to store, sum and
 * serialise — and its own type at compile time, so a quantity, a count or a float cannot pass for money. Every
 * amount in orders, payments, refunds and the ledger is one; a price carries its currency beside it.
 */
export type Minor = number & { readonly [minorUnits]: true };

/** ISO 4217 code; the shop sells in one currency at a time, but a price never travels without its own. */
export type Currency = string;

/** Largest amount anywhere: exact in a JS number and in a signed 64-bit column. */
export const MAX_MINOR_UNITS = Number.MAX_SAFE_INTEGER;

/**
 * A number as money: the one door into the type. Refuses what is not a safe integer (a float, NaN, a sum that left
 * exact range), so arithmetic that produced a fraction fails loudly instead of booking it.
 */
export function minor(amount: number): Minor {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`an amount must be an integer number of minor units, got ${amount}`);
  return amount as Minor;
}

export const ZERO: Minor = minor(0);

export const addMinor = (a: Minor, b: Minor): Minor => minor(a + b);
export const subtractMinor = (a: Minor, b: Minor): Minor => minor(a - b);
export const negateMinor = (a: Minor): Minor => minor(-a);
/** A unit price times a quantity (a line total, credits per pack × packs). */
export const timesMinor = (unit: Minor, quantity: number): Minor => minor(unit * quantity);
export const sumMinor = (amounts: readonly Minor[]): Minor => amounts.reduce(addMinor, ZERO);
/** The share `part / whole` of an amount, rounded down (a partial refund's share of a credit pack). */
export const shareOfMinor = (amount: Minor, part: Minor, whole: Minor): Minor => minor(Math.floor((amount * part) / whole));

/** A price: an amount with its currency (what a product costs; its JSON is `{ amount, currency }`). */
export interface Price {
  readonly amount: Minor;
  readonly currency: Currency;
}

const CURRENCY = /^[A-Z]{3}$/;

export function price(amount: number, currency: Currency): Price {
  if (!CURRENCY.test(currency)) throw new RangeError(`currency must be a three-letter ISO code, got "${currency}"`);
  return { amount: minor(amount), currency };
}

/** Digits after the decimal point in a currency's major unit (ISO 4217); two unless listed. */
const MINOR_DIGITS: Readonly<Record<string, number>> = { JPY: 0, KRW: 0, VND: 0, CLP: 0, ISK: 0, BHD: 3, KWD: 3, JOD: 3, OMR: 3, TND: 3 };

export const minorDigitsOf = (currency: Currency): number => MINOR_DIGITS[currency] ?? 2;

/**
 * A price as people write it (`9.90`, `12`, `0.5`) in minor units, by string arithmetic: `9.90` is exactly 990, never
 * 989.999… as a float would make it. null when it is not a plain non-negative decimal with at most the currency's
 * digits after the point.
 */
export function parseMajorUnits(written: string, currency: Currency): Minor | null {
  const digits = minorDigitsOf(currency);
  const match = /^(\d{1,15})(?:\.(\d*))?$/.exec(written.trim());
  if (!match) return null;
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return null;
  const amount = Number(match[1] + fraction.padEnd(digits, '0'));
  return Number.isSafeInteger(amount) ? minor(amount) : null;
}

/** Minor units as a decimal in the major unit, exactly (990 CNY → "9.90"): what a mail or a report writes. */
export function writeMajorUnits(amount: Minor, currency: Currency): string {
  const digits = minorDigitsOf(currency);
  const sign = amount < 0 ? '-' : '';
  const abs = String(Math.abs(amount)).padStart(digits + 1, '0');
  return digits === 0 ? `${sign}${abs}` : `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
}
