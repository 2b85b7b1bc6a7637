import { type DistributedLock, withLock } from '../../../domain/shared/ports/distributed-lock';
import { keyValueBackends } from '../../support/services';
import { openBackend, type TestBackend } from './redis-test-backend';
import { must } from '../../support/must';

const LONG = 30_000;

describe.each(keyValueBackends())('distributed lock (%s)', (backend) => {
  let b: TestBackend;
  beforeAll(async () => {
    b = await openBackend(backend, 'lock');
  });
  afterAll(() => b.dispose());

  it('gives a free key to one caller and refuses it to the next', async () => {
    const lease = await b.parts.lock.acquire('job:a', LONG);
    expect(lease).not.toBeNull();
    expect(lease?.key).toBe('job:a');
    expect(await b.parts.lock.acquire('job:a', LONG)).toBeNull();
    expect(await b.parts.lock.acquire('job:other', LONG)).not.toBeNull();
    expect(await lease?.release()).toBe(true);
    expect(await b.parts.lock.acquire('job:a', LONG)).not.toBeNull();
  });

  it('hands out exactly one lease among many concurrent acquirers on separate connections', async () => {
    const locks = Array.from({ length: 5 }, () => b.peer().lock);
    for (let round = 0; round < 5; round += 1) {
      const key = `job:race:${round}`;
      const leases = await Promise.all(Array.from({ length: 40 }, (_, i) => must(locks[i % locks.length], 'a lock').acquire(key, LONG)));
      const winners = leases.filter((l) => l !== null);
      expect(winners).toHaveLength(1);
    }
  });

  it('gives every lease a token of its own', async () => {
    const first = await b.parts.lock.acquire('job:tokens', LONG);
    await first?.release();
    const second = await b.parts.lock.acquire('job:tokens', LONG);
    expect(first?.token).toBeTruthy();
    expect(second?.token).toBeTruthy();
    expect(second?.token).not.toBe(first?.token);
  });

  it('lets the next caller in once the lease expires', async () => {
    expect(await b.parts.lock.acquire('job:expiry', 100)).not.toBeNull();
    await b.advance(250);
    expect(await b.parts.lock.acquire('job:expiry', LONG)).not.toBeNull();
  });

  it('never lets a stale holder release or extend the lock its successor holds', async () => {
    const stale = await b.parts.lock.acquire('job:stale', 100);
    await b.advance(250);
    const current = await b.peer().lock.acquire('job:stale', LONG);
    expect(current).not.toBeNull();
    expect(await stale?.release()).toBe(false);
    expect(await stale?.extend(LONG)).toBe(false);
    expect(await b.parts.lock.acquire('job:stale', LONG)).toBeNull();
    expect(await current?.release()).toBe(true);
    expect(await current?.release()).toBe(false);
  });

  it('extends a lease it still holds beyond its first TTL', async () => {
    const lease = await b.parts.lock.acquire('job:extend', 500);
    expect(await lease?.extend(LONG)).toBe(true);
    await b.advance(800);
    expect(await b.parts.lock.acquire('job:extend', LONG)).toBeNull();
    expect(await lease?.release()).toBe(true);
  });

  it('refuses a TTL that is not a positive whole number of ms', async () => {
    await expect(b.parts.lock.acquire('job:bad', 0)).rejects.toThrow(RangeError);
    await expect(b.parts.lock.acquire('job:bad', 1.5)).rejects.toThrow(RangeError);
  });

  describe('withLock', () => {
    it('runs the work under the lock and frees it afterwards', async () => {
      const outcome = await withLock(b.parts.lock, 'job:with', LONG, async () => {
        expect(await b.parts.lock.acquire('job:with', LONG)).toBeNull();
        return 42;
      });
      expect(outcome).toEqual({ acquired: true, value: 42 });
      expect(await b.parts.lock.acquire('job:with', LONG)).not.toBeNull();
    });

    it('skips the work when the lock is held elsewhere', async () => {
      const held = await b.parts.lock.acquire('job:held', LONG);
      let ran = false;
      const outcome = await withLock(b.peer().lock, 'job:held', LONG, async () => {
        ran = true;
      });
      expect(outcome).toEqual({ acquired: false });
      expect(ran).toBe(false);
      await held?.release();
    });

    it('frees the lock when the work throws, and passes the error on', async () => {
      await expect(
        withLock(b.parts.lock, 'job:throws', LONG, async () => {
          throw new Error('job failed');
        }),
      ).rejects.toThrow('job failed');
      expect(await b.parts.lock.acquire('job:throws', LONG)).not.toBeNull();
    });

    it('runs each of many concurrent fires exactly once', async () => {
      const fires = 20;
      let returned = 0;
      let allReturned: () => void = () => undefined;
      const everyAcquireReturned = new Promise<void>((resolve) => (allReturned = resolve));
      // The winner holds the lock until every fire has had its answer, so a slow fire cannot win after a release.
      const counted = (lock: DistributedLock): DistributedLock => ({
        acquire: async (key, ttlMs) => {
          const lease = await lock.acquire(key, ttlMs);
          returned += 1;
          if (returned === fires) allReturned();
          return lease;
        },
      });
      let runs = 0;
      const outcomes = await Promise.all(
        Array.from({ length: fires }, () =>
          withLock(counted(b.peer().lock), 'job:fire', LONG, async () => {
            runs += 1;
            await everyAcquireReturned;
          }),
        ),
      );
      expect(outcomes.filter((o) => o.acquired)).toHaveLength(1);
      expect(runs).toBe(1);
    });
  });
});
