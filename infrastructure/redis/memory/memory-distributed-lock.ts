import { randomUUID } from 'node:crypto';
import type { DistributedLock, LockLease } from '../../../domain/shared/ports/distributed-lock';
import { assertPositiveMs, KeySpace } from '../key-space';
import type { MemoryStore } from './memory-store';

/** The lock for a single process (the embedded default): same lease semantics as the Redis one. */
export class MemoryDistributedLock implements DistributedLock {
  constructor(
    private readonly store: MemoryStore,
    private readonly keys: KeySpace,
  ) {}

  async acquire(key: string, ttlMs: number): Promise<LockLease | null> {
    assertPositiveMs('ttlMs', ttlMs);
    const storeKey = this.keys.key('lock', key);
    const token = randomUUID();
    if (!this.store.setIfAbsent(storeKey, token, ttlMs)) return null;
    return {
      key,
      token,
      release: async () => this.store.deleteIfEquals(storeKey, token),
      extend: async (extendMs: number) => {
        assertPositiveMs('ttlMs', extendMs);
        return this.store.expireIfEquals(storeKey, token, extendMs);
      },
    };
  }
}
