import type { IdempotencyBegin, IdempotencyStore } from '../../domain/shared/ports/idempotency-store';
import { completedRecord, IN_PROGRESS, readRecord } from './idempotency-record';
import { assertPositiveMs, KeySpace } from './key-space';
import { LuaScript } from './lua-script';
import type { RedisConnection } from './redis-connection';

// Claim and read in one script: a plain SET NX followed by GET could find the key gone in between (expired or
// abandoned) and answer neither 'started' nor a real state.
const claimOrRead = new LuaScript(`
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return false end
return redis.call('GET', KEYS[1])`);
const abandonIfInProgress = new LuaScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`);

export class RedisIdempotencyStore implements IdempotencyStore {
  constructor(
    private readonly redis: RedisConnection,
    private readonly keys: KeySpace,
  ) {}

  async begin(key: string, ttlMs: number): Promise<IdempotencyBegin> {
    assertPositiveMs('ttlMs', ttlMs);
    const redisKey = this.keys.key('idem', key);
    const reply = await this.redis.run(`idempotency begin ${key}`, (c) => claimOrRead.run(c, [redisKey], [IN_PROGRESS, ttlMs]));
    if (reply === null) return { state: 'started' };
    if (typeof reply !== 'string') throw new Error(`idempotency begin ${key}: unexpected reply ${JSON.stringify(reply)}`);
    return readRecord(reply);
  }

  async complete(key: string, value: string, ttlMs: number): Promise<void> {
    assertPositiveMs('ttlMs', ttlMs);
    const redisKey = this.keys.key('idem', key);
    await this.redis.run(`idempotency complete ${key}`, (c) => c.set(redisKey, completedRecord(value), 'PX', ttlMs));
  }

  async abandon(key: string): Promise<void> {
    const redisKey = this.keys.key('idem', key);
    await this.redis.run(`idempotency abandon ${key}`, (c) => abandonIfInProgress.run(c, [redisKey], [IN_PROGRESS]));
  }
}
