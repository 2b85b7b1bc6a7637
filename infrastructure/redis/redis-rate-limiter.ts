import type { RateLimit, RateLimitDecision, RateLimiter } from '../../domain/shared/ports/rate-limiter';
import { KeySpace } from './key-space';
import { LuaScript, replyNumber } from './lua-script';
import { decide } from './rate-limit-decision';
import type { RedisConnection } from './redis-connection';

// Fixed window (see rate-limit-decision.ts). Counting and arming the expiry in one script means a crash can
// never leave a counter without a TTL, which would block its key forever.
const countInWindow = new LuaScript(`
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}`);

export class RedisRateLimiter implements RateLimiter {
  constructor(
    private readonly redis: RedisConnection,
    private readonly keys: KeySpace,
  ) {}

  consume(key: string, rule: RateLimit): Promise<RateLimitDecision> {
    const redisKey = this.keys.key('rate', key);
    return decide(rule, async () => {
      const reply = await this.redis.run(`rate limit ${key}`, (c) => countInWindow.run(c, [redisKey], [rule.windowMs]));
      if (!Array.isArray(reply) || reply.length !== 2) throw new Error(`rate limit ${key}: unexpected reply ${JSON.stringify(reply)}`);
      return { count: replyNumber(reply[0], 'rate count'), remainingMs: replyNumber(reply[1], 'rate window') };
    });
  }
}
