import type { IdempotencyBegin, IdempotencyStore } from '../../../domain/shared/ports/idempotency-store';
import { completedRecord, IN_PROGRESS, readRecord } from '../idempotency-record';
import { assertPositiveMs, KeySpace } from '../key-space';
import type { MemoryStore } from './memory-store';

export class MemoryIdempotencyStore implements IdempotencyStore {
  constructor(
    private readonly store: MemoryStore,
    private readonly keys: KeySpace,
  ) {}

  async begin(key: string, ttlMs: number): Promise<IdempotencyBegin> {
    assertPositiveMs('ttlMs', ttlMs);
    const storeKey = this.keys.key('idem', key);
    if (this.store.setIfAbsent(storeKey, IN_PROGRESS, ttlMs)) return { state: 'started' };
    const existing = this.store.get(storeKey);
    if (existing === null) throw new Error(`idempotency key ${key} vanished between two synchronous steps`);
    return readRecord(existing);
  }

  async complete(key: string, value: string, ttlMs: number): Promise<void> {
    assertPositiveMs('ttlMs', ttlMs);
    this.store.set(this.keys.key('idem', key), completedRecord(value), ttlMs);
  }

  async abandon(key: string): Promise<void> {
    this.store.deleteIfEquals(this.keys.key('idem', key), IN_PROGRESS);
  }
}
