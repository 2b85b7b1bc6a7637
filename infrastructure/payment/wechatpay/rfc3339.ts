const BEIJING_OFFSET_MS = 8 * 3600 * 1000;
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `2026-11-21T10:34:56+08:00`: WeChat's own timestamps are China Standard Time, whole seconds. */
export function formatBeijingTime(at: Date): string {
  const t = new Date(Math.floor(at.getTime() / 1000) * 1000 + BEIJING_OFFSET_MS);
  return (
    `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}` +
    `T${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}+08:00`
  );
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(?:Z|([+-])(\d{2}):(\d{2}))$/;

/** Strict RFC 3339 with an explicit offset (or Z); anything else, including impossible dates, is undefined. */
export function parseRfc3339(text: string): Date | undefined {
  const m = RFC3339.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, sign, oh, om] = m;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const check = new Date(wall);
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d) || check.getUTCHours() !== Number(h)) return undefined;
  if (Number(mi) > 59 || Number(s) > 59) return undefined;
  let offsetMinutes = 0;
  if (sign !== undefined) {
    const [offsetHours, offsetMins] = [Number(oh), Number(om)];
    if (offsetHours > 23 || offsetMins > 59) return undefined;
    offsetMinutes = (sign === '-' ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  const ms = frac ? Math.floor(Number(`0${frac}`) * 1000) : 0;
  return new Date(wall - offsetMinutes * 60_000 + ms);
}
