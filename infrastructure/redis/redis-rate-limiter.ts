import type { RateLimit, RateLimitDecision, RateLimiter } from '../../domain/shared/ports/rate-limiter';
import { KeySpace } from './key-space';
import { LuaScript, replyNumber } from './lua-script';
import { WindowCount, decide } from './rate-limit-decision';
import type { RedisConnection } from './redis-connection';

// Fixed window (see rate-limit-decision.ts). Counting and arming the expiry in one script means a crash can
// never leave a counter without a TTL, which would block its key forever. ARGV[2] calls are counted at once.
const countInWindow = new LuaScript(`
local count = redis.call('INCRBY', KEYS[1], ARGV[2])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}`);

interface Waiter {
  resolve(count: WindowCount): void;
  reject(error: unknown): void;
}

/** The calls of one key waiting for the round trip in flight to end; they are then counted by one INCRBY. */
interface Flight {
  queued: Waiter[];
}

/**
 * One round trip per key at a time: the calls for a key that arrive while its count is in flight (a busy address:
 * every catalog request of one client counts against `ip:…`) are counted together by the next INCRBY, and each
 * gets its own count from it (count − n + 1 … count), exactly as n INCRs in a row would have given. So the limit is
 * as exact as before, and a burst of n calls costs about 2 round trips instead of n.
 */
export class RedisRateLimiter implements RateLimiter {
  private readonly flights = new Map<string, Flight>();

  constructor(
    private readonly redis: RedisConnection,
    private readonly keys: KeySpace,
  ) {}

  consume(key: string, rule: RateLimit): Promise<RateLimitDecision> {
    return decide(rule, () => this.count(key, rule.windowMs));
  }

  private count(key: string, windowMs: number): Promise<WindowCount> {
    // The window is part of the flight's identity: two rules sharing a key would otherwise arm each other's expiry.
    const redisKey = this.keys.key('rate', key);
    const flightKey = `${redisKey}\n${windowMs}`;
    return new Promise<WindowCount>((resolve, reject) => {
      const waiter: Waiter = { resolve, reject };
      const flight = this.flights.get(flightKey);
      if (flight) {
        flight.queued.push(waiter);
        return;
      }
      const started: Flight = { queued: [] };
      this.flights.set(flightKey, started);
      void this.fly(key, redisKey, windowMs, flightKey, started, [waiter]);
    });
  }

  private async fly(key: string, redisKey: string, windowMs: number, flightKey: string, flight: Flight, batch: Waiter[]): Promise<void> {
    for (let waiters = batch; waiters.length > 0; waiters = flight.queued.splice(0)) {
      try {
        const n = waiters.length;
        const reply = await this.redis.run(`rate limit ${key}`, (c) => countInWindow.run(c, [redisKey], [windowMs, n]));
        if (!Array.isArray(reply) || reply.length !== 2) throw new Error(`rate limit ${key}: unexpected reply ${JSON.stringify(reply)}`);
        const count = replyNumber(reply[0], 'rate count');
        const remainingMs = replyNumber(reply[1], 'rate window');
        waiters.forEach((w, i) => w.resolve({ count: count - n + 1 + i, remainingMs }));
      } catch (error) {
        // The calls queued meanwhile fail with it rather than each waiting out its own timeout on a silent Redis:
        // an outage must not make a busy key's calls wait twice (the API's limits let them through on an error).
        for (const w of [...waiters, ...flight.queued.splice(0)]) w.reject(error);
      }
    }
    this.flights.delete(flightKey);
  }
}
