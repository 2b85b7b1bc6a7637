// Every key the Redis parts write carries one prefix, so several apps (or test files) can share a Redis.
export const DEFAULT_KEY_PREFIX = 'tillbot:';

export type KeyKind = 'lock' | 'rate' | 'idem' | 'cache' | 'session' | 'invalidate';

export class KeySpace {
  constructor(readonly prefix: string = DEFAULT_KEY_PREFIX) {
    if (prefix.length === 0) throw new RangeError('the key prefix must not be empty (it keeps tillbot keys apart from others)');
  }

  key(kind: KeyKind, key: string): string {
    if (key.length === 0) throw new RangeError(`a ${kind} key must not be empty`);
    return `${this.prefix}${kind}:${key}`;
  }
}

/** Redis PX takes whole positive milliseconds; anything else is a caller's bug, said before a round trip. */
export function assertPositiveMs(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value <= 0) throw new RangeError(`${name} must be a positive whole number of milliseconds, got ${value}`);
}

/**
 * The part of a key Redis Cluster hashes to pick its slot: the first `{…}` with something inside, else the whole
 * key. Keys one script or transaction touches together must share it, or a cluster refuses them (CROSSSLOT).
 */
export function hashTagOf(key: string): string {
  const open = key.indexOf('{');
  if (open < 0) return key;
  const close = key.indexOf('}', open + 1);
  return close > open + 1 ? key.slice(open + 1, close) : key;
}
