import type { DistributedLock } from '../../domain/shared/ports/distributed-lock';
import type { RateLimiter } from '../../domain/shared/ports/rate-limiter';
import type { SessionStore } from '../../domain/shared/ports/session-store';
import { InvalidationChannel } from './invalidation-channel';
import type { SharedFlight } from '../../domain/shared/ports/shared-flight';
import { LeasedSharedFlight } from './leased-shared-flight';
import { KeySpace } from './key-space';
import { MemoryDistributedLock } from './memory/memory-distributed-lock';
import { MemoryInvalidationChannel } from './memory/memory-invalidation-channel';
import { MemoryRateLimiter } from './memory/memory-rate-limiter';
import { MemorySessionStore } from './memory/memory-session-store';
import { type Clock, MemoryStore } from './memory/memory-store';
import { RedisConnection } from './redis-connection';
import { RedisDistributedLock } from './redis-distributed-lock';
import { RedisInvalidationChannel } from './redis-invalidation-channel';
import { RedisRateLimiter } from './redis-rate-limiter';
import { RedisSessionStore } from './redis-session-store';
import type { RedisTarget } from './redis-target';

export interface RedisParts {
  readonly backend: 'redis' | 'memory';
  readonly lock: DistributedLock;
  readonly rateLimiter: RateLimiter;
  readonly sessions: SessionStore;
  /** Cache invalidations to every instance (pub/sub; in-process without Redis). */
  readonly invalidations: InvalidationChannel;
  /** Work done once per interval across every instance (the shopper's "check payment" asking the provider). */
  readonly flights: SharedFlight;
  /** True when the store answers; never throws (for /readyz). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface RedisPartsOptions {
  /** Prepended to every key; default 'tillbot:'. */
  prefix?: string;
  /** Redis only: the longest a command may take before KeyValueUnavailableError; default 1000 ms. */
  commandTimeoutMs?: number;
  /** Redis only: where "Redis went away / is back" lines go; default console.warn. */
  log?: (line: string) => void;
  /** In-process twins only: their clock (ms since the epoch); default Date.now. */
  now?: Clock;
}

/**
 * Redis when a URL (or a cluster's nodes) is given, shared by every process; otherwise the in-process twins (one
 * process only).
 */
export function createRedisParts(redisTarget: RedisTarget | string | undefined, opts: RedisPartsOptions = {}): RedisParts {
  const keys = new KeySpace(opts.prefix);
  if (redisTarget) {
    const log = opts.log ?? ((line: string) => console.warn(line));
    const redis = new RedisConnection(redisTarget, { commandTimeoutMs: opts.commandTimeoutMs, log });
    const invalidations = new RedisInvalidationChannel(redis, keys, log);
    const lock = new RedisDistributedLock(redis, keys);
    const sessions = new RedisSessionStore(redis, keys);
    return {
      backend: 'redis',
      lock,
      rateLimiter: new RedisRateLimiter(redis, keys),
      sessions,
      invalidations,
      flights: new LeasedSharedFlight(lock, sessions),
      ping: () => redis.ping(),
      close: async () => {
        await invalidations.close();
        await redis.close();
      },
    };
  }
  const store = new MemoryStore({ now: opts.now });
  const invalidations = new MemoryInvalidationChannel(keys);
  const lock = new MemoryDistributedLock(store, keys);
  const sessions = new MemorySessionStore(store, keys);
  return {
    backend: 'memory',
    lock,
    rateLimiter: new MemoryRateLimiter(store, keys),
    sessions,
    invalidations,
    flights: new LeasedSharedFlight(lock, sessions),
    ping: async () => true,
    close: () => invalidations.close(),
  };
}
