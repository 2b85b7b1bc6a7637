/** How hard the bot may push Telegram. Defaults follow Telegram's published limits with a margin. */
export interface SendingLimits {
  /** Sustained messages per second into one chat (Telegram: about 1). */
  perChatPerSecond: number;
  /** Messages a quiet chat may take at once before the per-chat rate applies (Telegram tolerates short bursts). */
  perChatBurst: number;
  /**
   * Messages per second across all chats, shared by every instance through the rate limiter (Telegram: about 30).
   * The default stays below 30 because the budget is granted before the request travels: network jitter can
   * bunch granted calls together on arrival.
   */
  globalPerSecond: number;
  /** A call still unsent this long after it was queued is given up: it rejects and is never sent. */
  maxWaitMs: number;
  /** One HTTP attempt gets this long; without an answer by then its outcome is unknown and it is not retried. */
  attemptTimeoutMs: number;
  /** Retries of a 5xx, or of a connection that never got through, before the call fails. */
  maxTransientRetries: number;
  /** First backoff after such a failure; doubles per retry up to transientBackoffMaxMs. */
  transientBackoffMs: number;
  transientBackoffMaxMs: number;
  /** Two different chats answered 429 within this window: a bot-wide flood limit, so every chat waits. */
  globalFloodWindowMs: number;
  /** After the shared rate limiter failed, pace locally for this long before asking it again. */
  limiterRetryMs: number;
}

export const DEFAULT_SENDING_LIMITS: SendingLimits = {
  perChatPerSecond: 1,
  perChatBurst: 3,
  globalPerSecond: 25,
  maxWaitMs: 10 * 60_000,
  attemptTimeoutMs: 30_000,
  maxTransientRetries: 5,
  transientBackoffMs: 500,
  transientBackoffMaxMs: 10_000,
  globalFloodWindowMs: 1_000,
  limiterRetryMs: 5_000,
};

/** The defaults with the given overrides, each checked: a zero or negative figure would stall or flood. */
export function sendingLimits(overrides: Partial<SendingLimits> = {}): SendingLimits {
  const limits = { ...DEFAULT_SENDING_LIMITS, ...overrides };
  for (const [name, value] of Object.entries(limits)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
      throw new RangeError(`sending limit ${name} must be a finite number ≥ 0, got ${String(value)}`);
  }
  const positive: Array<keyof SendingLimits> = ['perChatPerSecond', 'perChatBurst', 'globalPerSecond', 'maxWaitMs', 'attemptTimeoutMs', 'limiterRetryMs'];
  for (const name of positive) {
    if (limits[name] <= 0) throw new RangeError(`sending limit ${name} must be greater than 0, got ${limits[name]}`);
  }
  if (limits.perChatBurst < 1) throw new RangeError(`sending limit perChatBurst must be at least 1, got ${limits.perChatBurst}`);
  return limits;
}
