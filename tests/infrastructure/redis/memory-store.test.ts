import { MemoryStore } from '../../../infrastructure/redis/memory/memory-store';

describe('in-process store', () => {
  it('hides an entry the moment its TTL has passed', () => {
    let now = 1_000;
    const store = new MemoryStore({ now: () => now });
    store.set('k', 'v', 100);
    now += 99;
    expect(store.get('k')).toBe('v');
    now += 1;
    expect(store.get('k')).toBeNull();
  });

  it('drops expired entries nobody reads again, so long-running processes do not grow', () => {
    let now = 0;
    const store = new MemoryStore({ now: () => now, sweepEveryMs: 1_000 });
    for (let i = 0; i < 100; i += 1) store.set(`rate:${i}`, '1', 500);
    store.set('keep', 'v', 10_000);
    expect(store.size).toBe(101);
    now = 1_000;
    store.set('trigger', 'v', 10_000);
    expect(store.size).toBe(2);
    expect(store.get('keep')).toBe('v');
  });

  it('restarts a counting window once the previous one has ended', () => {
    let now = 0;
    const store = new MemoryStore({ now: () => now });
    expect(store.countInWindow('w', 1_000)).toEqual({ count: 1, remainingMs: 1_000 });
    now = 400;
    expect(store.countInWindow('w', 1_000)).toEqual({ count: 2, remainingMs: 600 });
    now = 1_000;
    expect(store.countInWindow('w', 1_000)).toEqual({ count: 1, remainingMs: 1_000 });
  });
});
