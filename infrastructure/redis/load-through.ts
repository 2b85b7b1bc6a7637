import type { Cache } from '../../domain/shared/ports/cache';
import { isKeyValueUnavailable } from '../../domain/shared/ports/key-value-unavailable-error';
import { SingleFlight } from '../../domain/shared/single-flight';

type StringCache = Pick<Cache, 'get' | 'set'>;

/** getOrLoad for any cache: an unavailable cache degrades to the loader (see Cache.getOrLoad). */
export function loadThrough(cache: StringCache, flights: SingleFlight<string>, key: string, ttlMs: number, loader: () => Promise<string>): Promise<string> {
  return flights.run(key, async () => {
    const hit = await cache.get(key).catch(unlessUnavailable(null));
    if (hit !== null) return hit;
    const value = await loader();
    await cache.set(key, value, ttlMs).catch(unlessUnavailable(undefined));
    return value;
  });
}

const unlessUnavailable =
  <T>(fallback: T) =>
  (e: unknown): T => {
    if (isKeyValueUnavailable(e)) return fallback;
    throw e;
  };
