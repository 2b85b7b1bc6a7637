import { redisBackends } from '../../support/services';
import { openBackend, type TestBackend } from './redis-test-backend';

const LONG = 30_000;

describe.each(redisBackends())('cache (%s)', (backend) => {
  let b: TestBackend;
  beforeAll(() => {
    b = openBackend(backend, 'cache');
  });
  afterAll(() => b.dispose());

  it('stores, returns and deletes strings', async () => {
    expect(await b.parts.cache.get('product:1')).toBeNull();
    await b.parts.cache.set('product:1', '{"title":"Quota 100"}', LONG);
    expect(await b.parts.cache.get('product:1')).toBe('{"title":"Quota 100"}');
    expect(await b.peer().cache.get('product:1')).toBe('{"title":"Quota 100"}');
    await b.parts.cache.delete('product:1');
    expect(await b.parts.cache.get('product:1')).toBeNull();
    await expect(b.parts.cache.delete('product:never')).resolves.toBeUndefined();
  });

  it('forgets a value after its TTL', async () => {
    await b.parts.cache.set('product:ttl', 'x', 100);
    await b.advance(250);
    expect(await b.parts.cache.get('product:ttl')).toBeNull();
  });

  it('loads a missing value once and serves it from the cache afterwards', async () => {
    let loads = 0;
    const loader = async () => `loaded-${(loads += 1)}`;
    expect(await b.parts.cache.getOrLoad('catalog:page1', LONG, loader)).toBe('loaded-1');
    expect(await b.parts.cache.getOrLoad('catalog:page1', LONG, loader)).toBe('loaded-1');
    expect(await b.parts.cache.get('catalog:page1')).toBe('loaded-1');
    expect(loads).toBe(1);
  });

  it('shares one load among concurrent callers in a process', async () => {
    let loads = 0;
    let finish: (value: string) => void = () => undefined;
    const loader = () => {
      loads += 1;
      return new Promise<string>((resolve) => (finish = resolve));
    };
    const callers = Array.from({ length: 10 }, () => b.parts.cache.getOrLoad('catalog:hot', LONG, loader));
    while (loads === 0) await new Promise((resolve) => setImmediate(resolve));
    finish('hot');
    expect(await Promise.all(callers)).toEqual(Array(10).fill('hot'));
    expect(loads).toBe(1);
  });

  it('passes a loader error on without caching anything', async () => {
    await expect(
      b.parts.cache.getOrLoad('catalog:broken', LONG, async () => {
        throw new Error('database down');
      }),
    ).rejects.toThrow('database down');
    expect(await b.parts.cache.get('catalog:broken')).toBeNull();
    expect(await b.parts.cache.getOrLoad('catalog:broken', LONG, async () => 'ok')).toBe('ok');
  });
});
