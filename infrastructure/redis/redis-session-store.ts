import type { SessionStore } from '../../domain/shared/ports/session-store';
import { assertPositiveMs, KeySpace } from './key-space';
import type { RedisConnection } from './redis-connection';
import { parseSession, sessionJson } from './session-json';

export class RedisSessionStore implements SessionStore {
  constructor(
    private readonly redis: RedisConnection,
    private readonly keys: KeySpace,
  ) {}

  async get(key: string): Promise<unknown> {
    const redisKey = this.keys.key('session', key);
    return parseSession(await this.redis.run(`session get ${key}`, (c) => c.get(redisKey)));
  }

  async set(key: string, value: unknown, ttlMs: number): Promise<void> {
    assertPositiveMs('ttlMs', ttlMs);
    if (value === undefined) return this.delete(key);
    const redisKey = this.keys.key('session', key);
    const text = sessionJson(key, value);
    await this.redis.run(`session set ${key}`, (c) => c.set(redisKey, text, 'PX', ttlMs));
  }

  async delete(key: string): Promise<void> {
    const redisKey = this.keys.key('session', key);
    await this.redis.run(`session delete ${key}`, (c) => c.del(redisKey));
  }
}
