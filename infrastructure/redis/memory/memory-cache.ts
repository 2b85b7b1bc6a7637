import type { Cache } from '../../../domain/shared/ports/cache';
import { assertPositiveMs, KeySpace } from '../key-space';
import { loadThrough } from '../load-through';
import { SingleFlight } from '../../../domain/shared/single-flight';
import type { MemoryStore } from './memory-store';

export class MemoryCache implements Cache {
  private readonly flights = new SingleFlight<string>();

  constructor(
    private readonly store: MemoryStore,
    private readonly keys: KeySpace,
  ) {}

  async get(key: string): Promise<string | null> {
    return this.store.get(this.keys.key('cache', key));
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    assertPositiveMs('ttlMs', ttlMs);
    this.store.set(this.keys.key('cache', key), value, ttlMs);
  }

  async delete(key: string): Promise<void> {
    this.store.delete(this.keys.key('cache', key));
  }

  getOrLoad(key: string, ttlMs: number, loader: () => Promise<string>): Promise<string> {
    assertPositiveMs('ttlMs', ttlMs);
    return loadThrough(this, this.flights, key, ttlMs, loader);
  }
}
