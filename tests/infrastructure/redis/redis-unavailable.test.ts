// Redis that cannot answer must never hang a caller: every part fails fast with KeyValueUnavailableError.
import { KeyValueUnavailableError } from '../../../domain/shared/ports/key-value-unavailable-error';
import { createRedisParts, type RedisParts } from '../../../infrastructure/redis/create-redis-parts';
import type { RedisClusterTarget } from '../../../infrastructure/redis/redis-target';
import { uniqueName } from '../../support/services';
import { startSilentRedis } from './silent-redis-server';

// Port 1 is reserved and nothing listens on it: every connection attempt is refused.
const DEAD_REDIS = 'redis://127.0.0.1:1';
// Generous against the 1 s command timeout, so a loaded machine does not fail the test, yet far from a hang.
const FAST_ENOUGH_MS = 2_500;

// A Redis Cluster none of whose seed nodes answers (ports 1 and 2: reserved, refused).
const DEAD_CLUSTER: RedisClusterTarget = { kind: 'cluster', nodes: [1, 2].map((port) => ({ host: '127.0.0.1', port })), tls: false };

describe.each([
  ['a Redis', DEAD_REDIS],
  ['a Redis Cluster', DEAD_CLUSTER],
] as const)('Redis parts when %s is unavailable', (_, target) => {
  const logged: string[] = [];
  let parts: RedisParts;
  beforeAll(() => {
    parts = createRedisParts(target, { prefix: `${uniqueName('tbt_dead')}:`, log: (line) => logged.push(line) });
  });
  afterAll(() => parts.close());

  it('rejects each command quickly with a typed error', async () => {
    await expectFastUnavailable(() => parts.lock.acquire('job', 1000));
    await expectFastUnavailable(() => parts.rateLimiter.consume('chat', { limit: 1, windowMs: 1000 }));
    await expectFastUnavailable(() => parts.sessions.get('chat'));
  });

  it('rejects many concurrent callers quickly too', async () => {
    await expectFastUnavailable(() => Promise.all(Array.from({ length: 30 }, (_, i) => parts.lock.acquire(`job:${i}`, 1000))));
  });

  it('answers ping with false instead of throwing', async () => {
    expect(await parts.ping()).toBe(false);
  });

  it('says once that Redis went away, not once per reconnect attempt', () => {
    expect(logged.length).toBe(1);
    expect(logged[0]).toContain('127.0.0.1:1');
  });
});

describe.each(['black-hole', 'hangs-after-handshake'] as const)('Redis parts when Redis stops answering (%s)', (mode) => {
  it('rejects within the command timeout instead of hanging, and ping says false', async () => {
    const server = await startSilentRedis(mode);
    const parts = createRedisParts(server.url, { prefix: `${uniqueName('tbt_silent')}:`, log: () => undefined });
    try {
      await expectFastUnavailable(() => parts.lock.acquire('job', 1000), server.url.slice('redis://'.length));
      await expectFastUnavailable(() => parts.sessions.set('chat', { step: 1 }, 1000), server.url.slice('redis://'.length));
      // Concurrent calls of one key share a round trip (redis-rate-limiter.ts): every one of them fails, none waits twice.
      const started = Date.now();
      const settled = await Promise.allSettled(Array.from({ length: 20 }, () => parts.rateLimiter.consume('api:ip:busy', { limit: 100, windowMs: 1000 })));
      expect(settled.map((s) => (s.status === 'rejected' && s.reason instanceof KeyValueUnavailableError ? 'unavailable' : s.status))).toEqual(
        Array.from({ length: 20 }, () => 'unavailable'),
      );
      expect(Date.now() - started).toBeLessThan(FAST_ENOUGH_MS);
      expect(await parts.ping()).toBe(false);
    } finally {
      await parts.close();
      await server.close();
    }
  });
});

async function expectFastUnavailable(call: () => Promise<unknown>, endpoint = '127.0.0.1:1'): Promise<void> {
  const started = Date.now();
  const error = await call().then(
    () => new Error('the call succeeded against a Redis that cannot answer'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(KeyValueUnavailableError);
  expect((error as KeyValueUnavailableError).code).toBe('KEY_VALUE_UNAVAILABLE');
  expect((error as Error).message).toContain(endpoint);
  expect(Date.now() - started).toBeLessThan(FAST_ENOUGH_MS);
}

describe('createRedisParts', () => {
  it('uses the in-process twins without a URL', async () => {
    const parts = createRedisParts(undefined);
    expect(parts.backend).toBe('memory');
    expect(await parts.ping()).toBe(true);
    await parts.close();
  });

  it('refuses a URL that is not a Redis URL, without repeating its password', () => {
    expect(() => createRedisParts('http://user:secret@example.com')).toThrow(/redis:\/\/ or rediss:\/\//);
    expect(() => createRedisParts('http://user:secret@example.com')).not.toThrow(/secret/);
    expect(() => createRedisParts('not a url')).toThrow(/not a valid URL/);
  });

  it('refuses an empty key prefix', () => {
    expect(() => createRedisParts(undefined, { prefix: '' })).toThrow(RangeError);
  });
});
