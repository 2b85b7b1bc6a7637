const pad = (n: number): string => String(n).padStart(2, '0');

function offsetLabel(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `UTC${sign}${Math.floor(abs / 60)}${abs % 60 ? `:${pad(abs % 60)}` : ''}`;
}

/** A moment in the shop's time zone, e.g. "2025-11-21 14:35 (UTC+8)". */
export function formatTime(at: Date, offsetMinutes: number, opts: { withZone?: boolean } = {}): string {
  const local = new Date(at.getTime() + offsetMinutes * 60_000);
  const text = `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
  return opts.withZone === false ? text : `${text} (${offsetLabel(offsetMinutes)})`;
}
