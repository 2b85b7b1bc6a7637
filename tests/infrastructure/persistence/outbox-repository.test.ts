import { OutboxEntry } from '../../../domain/shared/outbox/topic';
import { ShopTx as Tx } from '../../../infrastructure/persistence';
import { databaseBackends } from '../../support/services';
import { MINUTE, T0, at } from './support/factories';
import { openTestStore, TestStore } from './support/test-store';

/** One message queued: true when it was new. */
const add = (tx: Tx, entry: OutboxEntry, now: Date): Promise<boolean> => tx.outbox.enqueue([entry], now).then((added) => added === 1);

describe.each(databaseBackends())('OutboxRepository (%s)', (backend) => {
  let store: TestStore;
  const inTx = <T>(work: (tx: Tx) => Promise<T>): Promise<T> => store.persistence.uow.run(work);
  const claim = (owner: string, now: Date, limit = 100) => inTx((tx) => tx.outbox.claimDue(owner, now, new Date(now.getTime() + MINUTE), limit));

  beforeEach(async () => {
    store = await openTestStore(backend);
  });
  afterEach(async () => {
    await store.close();
  });

  it('queues a fact once per dedupe key and hands it out with its payload', async () => {
    expect(await inTx((tx) => add(tx, { topic: 'deliver', payload: { orderNo: 'T1', note: '发货 ✓' }, dedupeKey: 'deliver:T1' }, T0))).toBe(true);
    expect(await inTx((tx) => add(tx, { topic: 'deliver', payload: { orderNo: 'T1' }, dedupeKey: 'deliver:T1' }, T0))).toBe(false);
    const [message, ...rest] = await claim('worker-a', T0);
    expect(rest).toEqual([]);
    expect(message).toMatchObject({
      topic: 'deliver',
      payload: { orderNo: 'T1', note: '发货 ✓' },
      dedupeKey: 'deliver:T1',
      attempts: 0,
      nextAttemptAt: T0,
      status: 'PENDING',
      lastError: null,
      createdAt: T0,
    });
    expect(await inTx((tx) => tx.outbox.countByStatus())).toEqual({ PENDING: 1, DONE: 0, DEAD: 0 });
  });

  it('leases: a claimed message is not handed to another owner until the lease runs out', async () => {
    await inTx((tx) => add(tx, { topic: 't', payload: {}, dedupeKey: 'lease' }, T0));
    expect(await claim('worker-a', T0)).toHaveLength(1);
    expect(await claim('worker-b', at(MINUTE - 1))).toEqual([]);
    const [taken] = await claim('worker-b', at(MINUTE));
    expect(taken?.dedupeKey).toBe('lease');
    // The first owner's lease is gone: it can neither complete nor fail the message any more.
    expect(await inTx((tx) => tx.outbox.complete(taken?.id ?? 0, 'worker-a', at(MINUTE)))).toBe(false);
    expect(await inTx((tx) => tx.outbox.fail(taken?.id ?? 0, 'worker-a', 'late', at(2 * MINUTE), false))).toBe(false);
    expect(await inTx((tx) => tx.outbox.complete(taken?.id ?? 0, 'worker-b', at(MINUTE)))).toBe(true);
    expect(await inTx((tx) => tx.outbox.complete(taken?.id ?? 0, 'worker-b', at(MINUTE)))).toBe(false);
    expect(await inTx((tx) => tx.outbox.countByStatus())).toEqual({ PENDING: 0, DONE: 1, DEAD: 0 });
  });

  it('never hands one message to two concurrent dispatchers', async () => {
    for (let i = 0; i < 30; i += 1) await inTx((tx) => add(tx, { topic: 't', payload: { i }, dedupeKey: `m-${i}` }, T0));
    const owners = ['w1', 'w2', 'w3', 'w4', 'w5', 'w6'];
    const batches = await Promise.all(owners.map((owner) => claim(owner, T0, 10)));
    const sweep = await claim('sweeper', T0, 100);
    const ids = [...batches.flat(), ...sweep].map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(30);
  });

  it('claims only due messages, oldest first, up to the limit', async () => {
    await inTx(async (tx) => {
      await add(tx, { topic: 't', payload: {}, dedupeKey: 'first' }, at(0));
      await add(tx, { topic: 't', payload: {}, dedupeKey: 'second' }, at(1000));
      await add(tx, { topic: 't', payload: {}, dedupeKey: 'future' }, at(10 * MINUTE));
    });
    expect((await claim('w', at(2000), 1)).map((m) => m.dedupeKey)).toEqual(['first']);
    expect((await claim('w', at(2000))).map((m) => m.dedupeKey)).toEqual(['second']);
  });

  it('fails back to PENDING with a later attempt, or to DEAD; a DEAD message is never claimed again', async () => {
    await inTx((tx) => add(tx, { topic: 't', payload: {}, dedupeKey: 'flaky' }, T0));
    const [first] = await claim('w', T0);
    const id = first?.id ?? 0;
    expect(await inTx((tx) => tx.outbox.fail(id, 'w', 'webhook answered 502', at(5 * MINUTE), false))).toBe(true);
    expect(await claim('w', at(4 * MINUTE))).toEqual([]);
    const [retry] = await claim('w', at(5 * MINUTE));
    expect(retry).toMatchObject({ id, attempts: 1, lastError: 'webhook answered 502', nextAttemptAt: at(5 * MINUTE), status: 'PENDING' });
    expect(await inTx((tx) => tx.outbox.fail(id, 'w', 'x'.repeat(10_000), at(10 * MINUTE), true))).toBe(true);
    expect(await claim('w', at(60 * MINUTE))).toEqual([]);
    expect(await inTx((tx) => tx.outbox.countByStatus())).toEqual({ PENDING: 0, DONE: 0, DEAD: 1 });
  });

  it('drops a message written by a transaction that rolled back', async () => {
    await inTx(async (tx) => {
      await add(tx, { topic: 't', payload: {}, dedupeKey: 'rolled-back' }, T0);
      return { ok: false as const, error: 'OUT_OF_STOCK' };
    });
    expect(await claim('w', T0)).toEqual([]);
  });

  it('queues several messages in one call, skipping only the ones queued before', async () => {
    await inTx((tx) => add(tx, { topic: 't', payload: { n: 0 }, dedupeKey: 'seen' }, T0));
    const entries = [
      { topic: 't', payload: { n: 1 }, dedupeKey: 'new-1' },
      { topic: 't', payload: { n: 2 }, dedupeKey: 'seen' },
      { topic: 'u', payload: { n: 3 }, dedupeKey: 'new-2' },
    ];
    expect(await inTx((tx) => tx.outbox.enqueue(entries, T0))).toBe(2);
    expect(await inTx((tx) => tx.outbox.enqueue(entries, T0))).toBe(0);
    const claimed = await claim('w', T0);
    expect(claimed.map((m) => [m.dedupeKey, m.payload]).sort()).toEqual([
      ['new-1', { n: 1 }],
      ['new-2', { n: 3 }],
      ['seen', { n: 0 }],
    ]);
    expect(await inTx((tx) => tx.outbox.enqueue([], T0))).toBe(0);
  });

  it('queues a whole broadcast page (more rows than one statement takes) in a few statements', async () => {
    const page = Array.from({ length: 250 }, (_, i) => ({ topic: 'broadcast.send', payload: { i }, dedupeKey: `page-${i}` }));
    expect(await inTx((tx) => tx.outbox.enqueue(page, T0))).toBe(250);
    expect(await inTx((tx) => tx.outbox.countByStatus())).toEqual({ PENDING: 250, DONE: 0, DEAD: 0 });
  });
});
