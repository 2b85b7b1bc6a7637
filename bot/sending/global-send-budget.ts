import { isKeyValueUnavailable } from '../../domain/shared/ports/key-value-unavailable-error';
import type { RateLimiter } from '../../domain/shared/ports/rate-limiter';
import type { Logger } from '../../infrastructure/logging/logger';

/**
 * The bot-wide send budget, shared by every instance through the rate limiter. The limiter counts in fixed
 * windows, which let up to twice the limit through where two windows meet; one send per window of 1/rate seconds
 * cannot bunch like that: granted sends are always at least one window apart.
 * When the limiter cannot answer, sending goes on at the same pace counted in this process alone.
 */
export class GlobalSendBudget {
  private readonly windowMs: number;
  private localNextAt = 0;
  private limiterDownUntil = 0;
  private pausedUntil = 0;

  constructor(
    private readonly limiter: RateLimiter,
    private readonly key: string,
    perSecond: number,
    private readonly limiterRetryMs: number,
    private readonly logger: Logger,
  ) {
    this.windowMs = Math.max(1, Math.ceil(1000 / perSecond));
  }

  /** Telegram said the whole bot is flooding: nobody sends before then. */
  pauseUntil(at: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, at);
  }

  /** 0 when the budget is free right now. */
  pausedForMs(now: number): number {
    return Math.max(0, this.pausedUntil - now);
  }

  /** Takes one send's worth of budget and returns 0, or returns how long to wait before asking again. */
  async tryTake(): Promise<number> {
    const now = Date.now();
    if (now < this.pausedUntil) return this.pausedUntil - now;
    if (now >= this.limiterDownUntil) {
      try {
        const decision = await this.limiter.consume(this.key, { limit: 1, windowMs: this.windowMs });
        if (!decision.allowed) return Math.max(1, decision.retryAfterMs);
        this.localNextAt = Math.max(this.localNextAt, Date.now() + this.windowMs);
        return 0;
      } catch (error) {
        this.limiterDownUntil = Date.now() + this.limiterRetryMs;
        const expected = isKeyValueUnavailable(error);
        this.logger[expected ? 'warn' : 'error'](
          { err: error, retryInMs: this.limiterRetryMs },
          expected
            ? 'send budget: the shared rate limiter is unavailable; pacing in this process only'
            : 'send budget: the rate limiter failed unexpectedly; pacing in this process only',
        );
      }
    }
    const local = Date.now();
    if (local < this.localNextAt) return this.localNextAt - local;
    this.localNextAt = local + this.windowMs;
    return 0;
  }
}
