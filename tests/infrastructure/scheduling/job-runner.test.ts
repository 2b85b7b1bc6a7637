import { createRedisParts, RedisParts } from '../../../infrastructure/redis/create-redis-parts';
import { createLogger } from '../../../infrastructure/logging/logger';
import { JobRunner } from '../../../infrastructure/scheduling/job-runner';
import { keyValueBackends, testRedisUrl, uniqueName } from '../../support/services';
import { startRedisCluster, type TestRedisCluster } from '../../support/redis-cluster';
import { must } from '../../support/must';

describe.each(keyValueBackends())('scheduled jobs across instances (%s coordination)', (backend) => {
  const prefix = `${uniqueName('jobs')}:`;
  let parts: RedisParts[] = [];
  let cluster: TestRedisCluster | undefined;
  const logger = createLogger('silent');

  beforeAll(async () => {
    if (backend === 'cluster') cluster = await startRedisCluster();
  });
  afterAll(() => cluster?.stop());

  /** Three "instances": separate connections (or one shared twin: the in-process coordinator serves one process). */
  beforeEach(() => {
    const target = backend === 'redis' ? testRedisUrl() : cluster?.target;
    const shared = backend === 'memory' ? createRedisParts(undefined, { prefix }) : null;
    parts = [0, 1, 2].map(() => shared ?? createRedisParts(target, { prefix }));
  });
  afterEach(async () => {
    await Promise.all([...new Set(parts)].map((p) => p.close()));
  });

  it('a fire seen by three instances runs once', async () => {
    let runs = 0;
    const runners = parts.map((p, i) => {
      const r = new JobRunner(p.lock, logger, { instance: `i${i}` });
      r.register({ name: 'count', schedule: '* * * * * *', leaseMs: 5000, run: async () => ({ n: ++runs }) });
      return r;
    });
    const fire = new Date('2026-11-21T10:00:00Z');
    await Promise.all(runners.map((r) => r.onFire('count', fire)));
    expect(runs).toBe(1);
    // The same fire again (a late instance, clock skew) is still not run twice; the next fire is.
    await Promise.all(runners.map((r) => r.onFire('count', fire)));
    expect(runs).toBe(1);
    await Promise.all(runners.map((r) => r.onFire('count', new Date(fire.getTime() + 1000))));
    expect(runs).toBe(2);
    const statuses = (await Promise.all(runners.map((r) => r.statuses()))).flat();
    expect(statuses.reduce((s, x) => s + x.runs, 0)).toBe(2);
    expect(statuses.reduce((s, x) => s + x.skipped, 0)).toBe(7);
  });

  it('a slow run is never overlapped, and "run now" says so', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const runner = new JobRunner(must(parts[0], 'redis parts').lock, logger, { instance: 'a' });
    const other = new JobRunner(must(parts[1], 'second redis parts').lock, logger, { instance: 'b' });
    let running: () => void = () => undefined;
    const started = new Promise<void>((r) => (running = r));
    const slow = async () => (running(), await gate, { done: 1 });
    for (const r of [runner, other]) r.register({ name: 'slow', schedule: '* * * * * *', leaseMs: 5000, run: slow });
    const first = runner.runNow('slow');
    await started; // the first run holds the lease now (a fixed pause would be a guess on a busy machine)
    expect(await other.runNow('slow')).toEqual({ ran: false, reason: 'already running on some instance' });
    release();
    expect(await first).toEqual({ ran: true, ok: true, result: { done: 1 } });
    expect(await other.runNow('missing')).toBeNull();
  });

  it('runs on its cron schedule and records failures', async () => {
    let calls = 0;
    const runner = new JobRunner(must(parts[0], 'redis parts').lock, logger, { instance: 'a' });
    runner.register({
      name: 'flaky',
      schedule: '* * * * * *',
      leaseMs: 5000,
      run: async () => {
        calls += 1;
        throw new Error('boom');
      },
    });
    runner.start();
    try {
      const started = Date.now();
      while (calls < 2 && Date.now() - started < 5000) await new Promise((r) => setTimeout(r, 50));
    } finally {
      await runner.stop();
    }
    expect(calls).toBeGreaterThanOrEqual(2);
    const [status] = await runner.statuses();
    expect(status).toMatchObject({ name: 'flaky', failures: calls, lastRun: { ok: false, error: 'boom', trigger: 'schedule' } });
  });
});
