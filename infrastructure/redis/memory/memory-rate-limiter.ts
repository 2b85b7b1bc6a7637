import type { RateLimit, RateLimitDecision, RateLimiter } from '../../../domain/shared/ports/rate-limiter';
import { KeySpace } from '../key-space';
import { decide } from '../rate-limit-decision';
import type { MemoryStore } from './memory-store';

/** Fixed window, like the Redis limiter (see rate-limit-decision.ts). */
export class MemoryRateLimiter implements RateLimiter {
  constructor(
    private readonly store: MemoryStore,
    private readonly keys: KeySpace,
  ) {}

  async consume(key: string, rule: RateLimit): Promise<RateLimitDecision> {
    const storeKey = this.keys.key('rate', key);
    return decide(rule, () => this.store.countInWindow(storeKey, rule.windowMs));
  }
}
