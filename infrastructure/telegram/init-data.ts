import { createHmac, timingSafeEqual } from 'node:crypto';
import { ShopperProfile } from '../../domain/account';

export type InitDataProblem = 'MALFORMED' | 'NO_HASH' | 'BAD_HASH' | 'NO_AUTH_DATE' | 'STALE' | 'FROM_THE_FUTURE' | 'NO_USER';

/** Telegram Mini App init data: HMAC-SHA256 over the sorted `key=value` lines, keyed by HMAC("WebAppData", token). */
export function verifyInitData(
  initData: string,
  botToken: string,
  maxAgeSeconds: number,
  now: Date,
): { ok: true; shopper: ShopperProfile; authDate: Date } | { ok: false; problem: InitDataProblem } {
  if (initData.length === 0 || initData.length > 4096) return { ok: false, problem: 'MALFORMED' };
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(initData);
  } catch {
    return { ok: false, problem: 'MALFORMED' };
  }
  const hash = params.get('hash');
  if (!hash || !/^[0-9a-f]{64}$/i.test(hash)) return { ok: false, problem: 'NO_HASH' };
  const lines: string[] = [];
  for (const [key, value] of params) if (key !== 'hash') lines.push(`${key}=${value}`);
  lines.sort();
  const secret = createHmac('sha256', 'WebAppData').update(botToken).digest();
  const expected = createHmac('sha256', secret).update(lines.join('\n')).digest();
  const given = Buffer.from(hash, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, problem: 'BAD_HASH' };
  const authDate = Number(params.get('auth_date'));
  if (!Number.isSafeInteger(authDate) || authDate <= 0) return { ok: false, problem: 'NO_AUTH_DATE' };
  const age = now.getTime() / 1000 - authDate;
  if (age > maxAgeSeconds) return { ok: false, problem: 'STALE' };
  if (age < -60) return { ok: false, problem: 'FROM_THE_FUTURE' };
  const shopper = parseUser(params.get('user'));
  if (!shopper) return { ok: false, problem: 'NO_USER' };
  return { ok: true, shopper, authDate: new Date(authDate * 1000) };
}

function parseUser(raw: string | null): ShopperProfile | null {
  if (!raw) return null;
  let user: unknown;
  try {
    user = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof user !== 'object' || user === null) return null;
  const u = user as Record<string, unknown>;
  if (typeof u.id !== 'number' || !Number.isSafeInteger(u.id) || u.id <= 0) return null;
  const str = (v: unknown, max: number): string | null => (typeof v === 'string' && v.length > 0 ? v.slice(0, max) : null);
  return {
    id: String(u.id),
    firstName: str(u.first_name, 64),
    lastName: str(u.last_name, 64),
    username: str(u.username, 64),
    languageCode: str(u.language_code, 16),
  };
}

/** Builds signed init data (for tests, scripts and the bot's own Mini App links). */
export function signInitData(
  botToken: string,
  user: { id: number; first_name?: string; username?: string; language_code?: string },
  authDate: Date,
  extra: Record<string, string> = {},
): string {
  const params = new URLSearchParams({ ...extra, auth_date: String(Math.floor(authDate.getTime() / 1000)), user: JSON.stringify(user) });
  const lines = [...params].map(([k, v]) => `${k}=${v}`).sort();
  const secret = createHmac('sha256', 'WebAppData').update(botToken).digest();
  params.set('hash', createHmac('sha256', secret).update(lines.join('\n')).digest('hex'));
  return params.toString();
}
