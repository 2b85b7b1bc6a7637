import { JobRun } from '../../../domain/shared/ports/job-run-log';
import { StoreUnavailableError } from '../../../domain/shared/unit-of-work';
import { createPersistence, JOB_RUNS_KEPT_PER_JOB } from '../../../infrastructure/persistence';
import { databaseBackends } from '../../support/services';
import { MINUTE, T0, at } from './support/factories';
import { openTestStore, TestStore } from './support/test-store';

const run = (job: string, minute: number, overrides: Partial<JobRun> = {}): JobRun => ({
  job,
  instance: 'host-a:4242',
  trigger: 'schedule',
  startedAt: at(minute * MINUTE),
  finishedAt: at(minute * MINUTE + 1500),
  ok: true,
  result: { checked: minute, paid: 0 },
  error: null,
  ...overrides,
});

describe.each(databaseBackends())('TypeormJobRunLog (%s)', (backend) => {
  let store: TestStore;
  const log = () => store.persistence.jobRuns;

  beforeEach(async () => {
    store = await openTestStore(backend);
  });
  afterEach(async () => {
    await store.close();
  });

  it('answers nothing before the first run', async () => {
    expect(await log().latest()).toEqual([]);
    expect(await log().history('repair-payments', 10)).toEqual([]);
  });

  it('records a run and reads back exactly what was written', async () => {
    const failed = run('close-expired', 3, {
      instance: 'worker-2:77',
      trigger: 'manual',
      ok: false,
      result: { checked: 12, closed: 0, queried: 3 },
      error: 'provider timed out — 支付超时',
    });
    await log().record(failed);
    expect(await log().history('close-expired', 5)).toEqual([failed]);
  });

  it('gives the newest run of each job, by job name, whichever instance ran it', async () => {
    await log().record(run('repair-payments', 1));
    await log().record(run('close-expired', 2, { instance: 'host-b:1' }));
    await log().record(run('repair-payments', 3, { instance: 'host-b:1', ok: false, error: 'boom' }));
    await log().record(run('retry-delivery', 4));
    // Recorded last but started earlier (a slow run finishing late): "newest" is the newest record.
    await log().record(run('close-expired', 0, { result: { closed: 9 } }));
    expect(await log().latest()).toEqual([
      run('close-expired', 0, { result: { closed: 9 } }),
      run('repair-payments', 3, { instance: 'host-b:1', ok: false, error: 'boom' }),
      run('retry-delivery', 4),
    ]);
  });

  it('lists one job’s history newest first, up to the limit, and no other job’s runs', async () => {
    for (let minute = 1; minute <= 6; minute += 1) {
      await log().record(run('repair-payments', minute));
      await log().record(run('close-expired', minute));
    }
    const history = await log().history('repair-payments', 4);
    expect(history.map((r) => r.startedAt)).toEqual([at(6 * MINUTE), at(5 * MINUTE), at(4 * MINUTE), at(3 * MINUTE)]);
    expect(history.every((r) => r.job === 'repair-payments')).toBe(true);
    expect(await log().history('repair-payments', 100)).toHaveLength(6);
    expect(await log().history('Repair-Payments', 100)).toEqual([]);
    await expect(log().history('repair-payments', 0)).rejects.toThrow(RangeError);
  });

  it(`keeps only the newest ${JOB_RUNS_KEPT_PER_JOB} runs of a job, and leaves other jobs alone`, async () => {
    await log().record(run('close-expired', 0));
    const total = JOB_RUNS_KEPT_PER_JOB + 5;
    for (let minute = 1; minute <= total; minute += 1) await log().record(run('repair-payments', minute));
    const kept = await log().history('repair-payments', 1000);
    expect(kept).toHaveLength(JOB_RUNS_KEPT_PER_JOB);
    expect(kept[0]?.startedAt).toEqual(at(total * MINUTE));
    expect(kept[kept.length - 1]?.startedAt).toEqual(at((total - JOB_RUNS_KEPT_PER_JOB + 1) * MINUTE));
    const [{ count }] = await store.persistence.dataSource.query("SELECT COUNT(*) AS count FROM job_runs WHERE job = 'repair-payments'");
    expect(Number(count)).toBe(JOB_RUNS_KEPT_PER_JOB);
    expect(await log().history('close-expired', 10)).toEqual([run('close-expired', 0)]);
    expect((await log().latest()).map((r) => r.startedAt)).toEqual([T0, at(total * MINUTE)]);
  });

  it('refuses what it could not store faithfully, and stores nothing', async () => {
    await expect(log().record(run('x'.repeat(65), 1))).rejects.toThrow(RangeError);
    await expect(log().record(run('', 1))).rejects.toThrow(RangeError);
    await expect(log().record(run('nan', 1, { result: { checked: Number.NaN } }))).rejects.toThrow(RangeError);
    expect(await log().latest()).toEqual([]);
  });

  it('cuts an overlong instance name and error text instead of failing the record', async () => {
    await log().record(run('long', 1, { instance: 'i'.repeat(300), ok: false, error: 'e'.repeat(20_000) }));
    const [stored] = await log().history('long', 1);
    expect(stored?.instance).toBe('i'.repeat(128));
    expect(stored?.error).toBe('e'.repeat(16_000));
  });

  it('is not part of a transaction: a run recorded while one is open survives its rollback', async () => {
    let begun!: () => void;
    let release!: () => void;
    const started = new Promise<void>((resolve) => (begun = resolve));
    const held = new Promise<void>((resolve) => (release = resolve));
    const transaction = store.persistence.uow.run(async (tx) => {
      await tx.users.upsert({ id: 'rolled-back', firstName: null, lastName: null, username: null, languageCode: null }, T0);
      begun();
      await held;
      throw new Error('the unit of work failed');
    });
    await started;
    const recording = log().record(run('repair-payments', 1));
    // Gives a log that wrongly wrote on the transaction's connection the time to do so before the rollback.
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    await expect(transaction).rejects.toThrow('the unit of work failed');
    await recording;
    expect(await log().history('repair-payments', 10)).toEqual([run('repair-payments', 1)]);
    expect(await store.persistence.uow.run((tx) => tx.users.find('rolled-back'))).toBeNull();
  });

  it('refuses to run inside a unit of work (on SQLite it would wait for itself forever)', async () => {
    await expect(store.persistence.uow.run(() => log().record(run('inside', 1)))).rejects.toThrow(/inside UnitOfWork.run/);
    expect(await log().latest()).toEqual([]);
  });
});

describe('TypeormJobRunLog without a database', () => {
  it('throws StoreUnavailableError to the caller when MySQL cannot be reached, and after close', async () => {
    const silent = { warn: () => undefined, error: () => undefined };
    // Port 1 on loopback: nothing listens, the connection is refused at once.
    const persistence = createPersistence({
      databaseUrl: 'mysql://root@127.0.0.1:1/nowhere',
      sqlitePath: '/tmp/unused.sqlite',
      logger: silent,
      connectTimeoutMs: 1000,
    });
    try {
      await expect(persistence.jobRuns.record(run('repair-payments', 1))).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(persistence.jobRuns.latest()).rejects.toBeInstanceOf(StoreUnavailableError);
    } finally {
      await persistence.close();
    }
    await expect(persistence.jobRuns.history('repair-payments', 1)).rejects.toBeInstanceOf(StoreUnavailableError);
  });
});
