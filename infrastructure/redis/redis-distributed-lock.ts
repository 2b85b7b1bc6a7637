import { randomUUID } from 'node:crypto';
import type { DistributedLock, LockLease } from '../../domain/shared/ports/distributed-lock';
import { assertPositiveMs, KeySpace } from './key-space';
import { LuaScript, replyNumber } from './lua-script';
import type { RedisConnection } from './redis-connection';

// Only the token's owner may free or prolong the lock: checking and acting in one script closes the gap in
// which a lapsed holder could otherwise delete the lock its successor just took.
const releaseIfOwner = new LuaScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`);
const extendIfOwner = new LuaScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`);

export class RedisDistributedLock implements DistributedLock {
  constructor(
    private readonly redis: RedisConnection,
    private readonly keys: KeySpace,
  ) {}

  async acquire(key: string, ttlMs: number): Promise<LockLease | null> {
    assertPositiveMs('ttlMs', ttlMs);
    const redisKey = this.keys.key('lock', key);
    const token = randomUUID();
    const set = await this.redis.run(`lock acquire ${key}`, (c) => c.set(redisKey, token, 'PX', ttlMs, 'NX'));
    if (set !== 'OK') return null;
    return {
      key,
      token,
      release: async () => {
        const reply = await this.redis.run(`lock release ${key}`, (c) => releaseIfOwner.run(c, [redisKey], [token]));
        return replyNumber(reply, 'lock release') === 1;
      },
      extend: async (extendMs: number) => {
        assertPositiveMs('ttlMs', extendMs);
        const reply = await this.redis.run(`lock extend ${key}`, (c) => extendIfOwner.run(c, [redisKey], [token, extendMs]));
        return replyNumber(reply, 'lock extend') === 1;
      },
    };
  }
}
