import { redisBackends } from '../../support/services';
import { openBackend, type TestBackend } from './redis-test-backend';
import { must } from '../../support/must';

const LONG = 30_000;

describe.each(redisBackends())('idempotency store (%s)', (backend) => {
  let b: TestBackend;
  beforeAll(() => {
    b = openBackend(backend, 'idem');
  });
  afterAll(() => b.dispose());

  it('starts the first caller, reports the work in progress to the next, then its recorded result', async () => {
    const store = b.parts.idempotency;
    expect(await store.begin('order:1', LONG)).toEqual({ state: 'started' });
    expect(await store.begin('order:1', LONG)).toEqual({ state: 'in-progress' });
    await store.complete('order:1', '{"orderNo":"T1"}', LONG);
    expect(await store.begin('order:1', LONG)).toEqual({ state: 'completed', value: '{"orderNo":"T1"}' });
  });

  it('keeps a result that is empty or looks like a marker', async () => {
    await b.parts.idempotency.begin('order:empty', LONG);
    await b.parts.idempotency.complete('order:empty', '', LONG);
    expect(await b.parts.idempotency.begin('order:empty', LONG)).toEqual({ state: 'completed', value: '' });
    await b.parts.idempotency.complete('order:marker', 'p', LONG);
    expect(await b.parts.idempotency.begin('order:marker', LONG)).toEqual({ state: 'completed', value: 'p' });
  });

  it('starts exactly one of many concurrent callers across connections', async () => {
    const stores = Array.from({ length: 5 }, () => b.peer().idempotency);
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => must(stores[i % stores.length], 'a store').begin('order:race', LONG)));
    expect(answers.filter((a) => a.state === 'started')).toHaveLength(1);
    expect(answers.filter((a) => a.state === 'in-progress')).toHaveLength(29);
  });

  it('lets a retry start again after the first attempt is abandoned', async () => {
    expect(await b.parts.idempotency.begin('order:retry', LONG)).toEqual({ state: 'started' });
    await b.parts.idempotency.abandon('order:retry');
    expect(await b.parts.idempotency.begin('order:retry', LONG)).toEqual({ state: 'started' });
  });

  it('keeps a completed result when abandon comes too late', async () => {
    await b.parts.idempotency.begin('order:done', LONG);
    await b.parts.idempotency.complete('order:done', 'T9', LONG);
    await b.parts.idempotency.abandon('order:done');
    expect(await b.parts.idempotency.begin('order:done', LONG)).toEqual({ state: 'completed', value: 'T9' });
  });

  it('frees a claim whose holder vanished once its TTL passes', async () => {
    expect(await b.parts.idempotency.begin('order:crash', 100)).toEqual({ state: 'started' });
    await b.advance(250);
    expect(await b.parts.idempotency.begin('order:crash', LONG)).toEqual({ state: 'started' });
  });

  it('forgets a completed result after its TTL', async () => {
    await b.parts.idempotency.begin('order:old', LONG);
    await b.parts.idempotency.complete('order:old', 'T2', 100);
    await b.advance(250);
    expect(await b.parts.idempotency.begin('order:old', LONG)).toEqual({ state: 'started' });
  });
});
