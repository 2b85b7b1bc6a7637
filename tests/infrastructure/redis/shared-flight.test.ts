// The shared single flight behind "check payment": many callers on several instances, one run of the work per
// interval, everyone gets its outcome — on the in-process twin and on real Redis.
import { keyValueBackends } from '../../support/services';
import { TestBackend, openBackend } from './redis-test-backend';

describe.each(keyValueBackends())('shared flight (%s)', (backend) => {
  let b: TestBackend;
  beforeAll(async () => {
    b = await openBackend(backend, 'flight');
  });
  afterAll(() => b.dispose());

  it('runs the work once for concurrent callers across instances, and shares its outcome for the interval', async () => {
    const instances = [b.parts, b.peer(), b.peer()];
    let runs = 0;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const work = async () => {
      runs += 1;
      await gate;
      return { asked: runs };
    };
    const calls = Array.from({ length: 30 }, (_, i) => (instances[i % 3] ?? b.parts).flights.once('order-1', 1_000, work));
    await new Promise((r) => setTimeout(r, 100));
    release();
    expect(await Promise.all(calls)).toEqual(Array.from({ length: 30 }, () => ({ asked: 1 })));
    expect(runs).toBe(1);
    expect(await b.peer().flights.once('order-1', 1_000, work)).toEqual({ asked: 1 });
    expect(await b.parts.flights.once('order-2', 1_000, work)).toEqual({ asked: 2 });
    await b.advance(1_100);
    expect(await b.peer().flights.once('order-1', 1_000, work)).toEqual({ asked: 3 });
  });

  it('frees the lease when the work throws, so the next caller runs it', async () => {
    await expect(b.parts.flights.once('order-3', 1_000, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await b.peer().flights.once('order-3', 1_000, async () => 'second')).toBe('second');
  });
});
