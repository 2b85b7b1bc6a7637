import type { SessionStore } from '../../../domain/shared/ports/session-store';
import { assertPositiveMs, KeySpace } from '../key-space';
import { parseSession, sessionJson } from '../session-json';
import type { MemoryStore } from './memory-store';

/** Stores JSON text, not the object, so a caller's later mutation or a Date behaves exactly as with Redis. */
export class MemorySessionStore implements SessionStore {
  constructor(
    private readonly store: MemoryStore,
    private readonly keys: KeySpace,
  ) {}

  async get(key: string): Promise<unknown> {
    return parseSession(this.store.get(this.keys.key('session', key)));
  }

  async set(key: string, value: unknown, ttlMs: number): Promise<void> {
    assertPositiveMs('ttlMs', ttlMs);
    if (value === undefined) return this.delete(key);
    this.store.set(this.keys.key('session', key), sessionJson(key, value), ttlMs);
  }

  async delete(key: string): Promise<void> {
    this.store.delete(this.keys.key('session', key));
  }
}
