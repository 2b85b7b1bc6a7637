import type { SessionStore } from '../../domain/shared/ports/session-store';
import { assertPositiveMs } from './key-space';

/** The shape telegraf's session({ store }) expects, stated here so this layer need not import telegraf. */
export interface TelegrafSessionStoreShape<T> {
  get(name: string): Promise<T | undefined>;
  set(name: string, value: T): Promise<void>;
  delete(name: string): Promise<void>;
}

/** Every write renews the TTL, so a session lives ttlMs past the chat's last change. */
export function toTelegrafSessionStore<T>(store: SessionStore, ttlMs: number): TelegrafSessionStoreShape<T> {
  assertPositiveMs('ttlMs', ttlMs);
  return {
    // The bot is the only writer of these keys, so what comes back is the T it stored (as JSON round-trips it).
    get: async (name) => (await store.get(name)) as T | undefined,
    set: (name, value) => store.set(name, value, ttlMs),
    delete: (name) => store.delete(name),
  };
}
