export interface RateLimit {
  /** How many calls a key may make per window (a positive integer). */
  readonly limit: number;
  readonly windowMs: number;
}

export interface RateLimitDecision {
  readonly allowed: boolean;
  /** Calls still allowed in the current window after this one. */
  readonly remaining: number;
  /** 0 when allowed; otherwise how long until a call can be allowed again. */
  readonly retryAfterMs: number;
  /** How long until the current window ends and the count starts again (x-ratelimit-reset). */
  readonly resetMs: number;
}

/** Counts calls per key atomically across processes. Throws KeyValueUnavailableError when the backing store cannot answer. */
export interface RateLimiter {
  consume(key: string, rule: RateLimit): Promise<RateLimitDecision>;
}
