const SYMBOLS: Readonly<Record<string, string>> = { CNY: '¥', USD: '$', EUR: '€', RUB: '₽' };

/** Minor units to a price a person reads: 1990 CNY → "¥19.90"; signed when asked (ledger lines). */
export function formatMoney(amount: number, currency: string, opts: { signed?: boolean } = {}): string {
  const sign = amount < 0 ? '-' : opts.signed && amount > 0 ? '+' : '';
  const abs = Math.abs(amount);
  // Telegram Stars (XTR) count whole stars: 50 XTR → "⭐50".
  if (currency === 'XTR') return `${sign}⭐${abs}`;
  const units = `${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  const symbol = SYMBOLS[currency];
  return symbol ? `${sign}${symbol}${units}` : `${sign}${units} ${currency}`;
}

/**
 * What an admin types for an amount ("19.9", "¥19.90", "+10", "-2.50") to minor units; null when it is not an amount.
 * Only the shape is checked here; whether the amount is allowed is the use case's call.
 */
export function parseMoneyInput(raw: string, opts: { signed?: boolean } = {}): number | null {
  const match = /^([+-])?\s*[¥$€₽]?\s*(\d{1,12})(?:[.,](\d{1,2}))?$/.exec(raw.trim());
  if (!match) return null;
  const [, sign, whole, fraction = ''] = match;
  if (sign && !opts.signed) return null;
  const amount = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return sign === '-' ? -amount : amount;
}
