import type { RateLimit, RateLimitDecision } from '../../domain/shared/ports/rate-limiter';
import { assertPositiveMs } from './key-space';

// Both limiters use a fixed window that opens with a key's first call and lasts windowMs: one counter per key,
// counted atomically. retryAfterMs is exact (the window's remaining time), not a guess. The price of the fixed
// window is that a burst straddling two windows may pass up to 2 × limit; fine for throttling chats and APIs.

export interface WindowCount {
  /** Calls counted in the current window, this one included. */
  count: number;
  remainingMs: number;
}

export async function decide(rule: RateLimit, countCall: () => WindowCount | Promise<WindowCount>): Promise<RateLimitDecision> {
  if (!Number.isSafeInteger(rule.limit) || rule.limit <= 0) throw new RangeError(`limit must be a positive whole number, got ${rule.limit}`);
  assertPositiveMs('windowMs', rule.windowMs);
  const { count, remainingMs } = await countCall();
  const resetMs = Math.max(1, remainingMs);
  if (count <= rule.limit) return { allowed: true, remaining: rule.limit - count, retryAfterMs: 0, resetMs };
  return { allowed: false, remaining: 0, retryAfterMs: resetMs, resetMs };
}
