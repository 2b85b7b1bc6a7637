/** Command arguments split on whitespace (an admin types `/refund T2025… 5.00 damaged`). */
export const words = (args: string): string[] =>
  args
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '');

/** A product id as typed: "12" or "#12". */
export function productIdArg(raw: string | undefined): number | null {
  const match = raw === undefined ? null : /^#?(\d{1,12})$/.exec(raw);
  return match ? Number(match[1]) : null;
}

/** A stock as typed: a whole number, or "unlimited" / "∞" / "-" for no limit (null); undefined when it is neither. */
/** A Stars price as an admin types it: whole stars (`50`, `⭐50`), or `-`/none for "not sold for Stars" (null). */
export function starsInput(raw: string | undefined): number | null | undefined {
  if (raw === undefined) return undefined;
  const value = raw.trim().replace(/^⭐️?/, '');
  if (/^(-|none|无|нет)$/i.test(value)) return null;
  return /^\d{1,9}$/.test(value) ? Number(value) : undefined;
}

export function stockArg(raw: string | undefined): number | null | undefined {
  if (raw === undefined) return undefined;
  if (/^(unlimited|∞|-|none|不限|без ограничений)$/i.test(raw.trim())) return null;
  return /^\d{1,10}$/.test(raw.trim()) ? Number(raw.trim()) : undefined;
}
