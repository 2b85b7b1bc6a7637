import type { Cache } from '../../domain/shared/ports/cache';
import { assertPositiveMs, KeySpace } from './key-space';
import { loadThrough } from './load-through';
import type { RedisConnection } from './redis-connection';
import { SingleFlight } from '../../domain/shared/single-flight';

export class RedisCache implements Cache {
  private readonly flights = new SingleFlight<string>();

  constructor(
    private readonly redis: RedisConnection,
    private readonly keys: KeySpace,
  ) {}

  get(key: string): Promise<string | null> {
    const redisKey = this.keys.key('cache', key);
    return this.redis.run(`cache get ${key}`, (c) => c.get(redisKey));
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    assertPositiveMs('ttlMs', ttlMs);
    const redisKey = this.keys.key('cache', key);
    await this.redis.run(`cache set ${key}`, (c) => c.set(redisKey, value, 'PX', ttlMs));
  }

  async delete(key: string): Promise<void> {
    const redisKey = this.keys.key('cache', key);
    await this.redis.run(`cache delete ${key}`, (c) => c.del(redisKey));
  }

  getOrLoad(key: string, ttlMs: number, loader: () => Promise<string>): Promise<string> {
    assertPositiveMs('ttlMs', ttlMs);
    return loadThrough(this, this.flights, key, ttlMs, loader);
  }
}
