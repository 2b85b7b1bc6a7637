const BEIJING_OFFSET_MS = 8 * 3600 * 1000;
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `2026-11-21 10:34:56`: Alipay's timestamps are China Standard Time wall clock, without an offset. */
export function formatAlipayTime(at: Date): string {
  const t = new Date(Math.floor(at.getTime() / 1000) * 1000 + BEIJING_OFFSET_MS);
  return (
    `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())} ` +
    `${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}`
  );
}

const ALIPAY_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** The inverse of `formatAlipayTime`; an impossible date or another shape is undefined. */
export function parseAlipayTime(text: string | undefined): Date | undefined {
  const m = text === undefined ? null : ALIPAY_TIME.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const wall = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  if (wall.getUTCMonth() !== mo - 1 || wall.getUTCDate() !== d || wall.getUTCHours() !== h || wall.getUTCMinutes() !== mi || wall.getUTCSeconds() !== s)
    return undefined;
  return new Date(wall.getTime() - BEIJING_OFFSET_MS);
}
