// Real parallel units of work against one database: the conditional updates and unique keys, not luck, decide.
import { minor } from '../../../domain/shared/money';
import { err, ok } from '../../../domain/shared/result';
import { ShopTx as Tx } from '../../../infrastructure/persistence';
import { databaseBackends } from '../../support/services';
import { T0, orderLine, orderState, productDraft } from './support/factories';
import { openTestStore, TestStore } from './support/test-store';

describe.each(databaseBackends())('concurrent units of work (%s)', (backend) => {
  let store: TestStore;
  const run = <T>(work: (tx: Tx) => Promise<T>): Promise<T> => store.persistence.uow.run(work);
  const product = async (overrides: Parameters<typeof productDraft>[0]): Promise<number> => {
    const inserted = await run((tx) => tx.products.insert(productDraft(overrides), T0));
    if (inserted === 'DUPLICATE_SKU') throw new Error('unexpected duplicate sku');
    return inserted.id;
  };
  const times = <T>(count: number, task: (i: number) => Promise<T>): Promise<T[]> => Promise.all(Array.from({ length: count }, (_, i) => task(i)));

  beforeAll(async () => {
    store = await openTestStore(backend, { poolSize: 20 });
  });
  afterAll(async () => {
    await store.close();
  });

  it('sells exactly the 50 units in stock to 200 simultaneous buyers', async () => {
    const productId = await product({ stock: 50 });
    const outcomes = await times(200, (i) =>
      run(async (tx) => {
        if (!(await tx.products.reserveStock(productId, 1))) return err('OUT_OF_STOCK');
        await tx.orders.insert(orderState({ userId: `buyer-${i}`, lines: [orderLine({ productId })], itemsKey: `${productId}x1` }));
        return ok(i);
      }),
    );
    expect(outcomes.filter((o) => o.ok)).toHaveLength(50);
    expect((await run((tx) => tx.products.findById(productId)))?.stock).toBe(0);
    const orders = await run((tx) => tx.orders.list({ status: 'AWAITING_PAYMENT', limit: 1000, offset: 0 }));
    expect(orders.items.filter((o) => o.lines[0]?.productId === productId)).toHaveLength(50);
  });

  it('binds each code to one order when 60 buyers race for a pool of 30', async () => {
    const productId = await product({ kind: 'code', stock: 30, creditAmount: null });
    await run((tx) =>
      tx.codes.add(
        productId,
        Array.from({ length: 30 }, (_, i) => `RACE-${i}`),
        T0,
      ),
    );
    const outcomes = await times(60, (i) =>
      run(async (tx) => {
        if (!(await tx.products.reserveStock(productId, 1))) return err('OUT_OF_STOCK');
        const bound = await tx.codes.reserve(productId, `CODE-ORDER-${i}`, 1, T0);
        return bound === 1 ? ok(i) : err('POOL_EMPTY');
      }),
    );
    const winners = outcomes.flatMap((o) => (o.ok ? [o.value] : []));
    expect(winners).toHaveLength(30);
    const codes = await run(async (tx) => (await Promise.all(winners.map((i) => tx.codes.listForOrder(`CODE-ORDER-${i}`)))).flat());
    expect(codes).toHaveLength(30);
    expect(new Set(codes.map((c) => c.code)).size).toBe(30);
    expect(await run((tx) => tx.codes.countAvailable(productId))).toBe(0);
  });

  it('never takes a balance below zero under 100 simultaneous debits, and Σ ledger = balance', async () => {
    const user = 'debit-race';
    await run((tx) => tx.accounts.post({ userId: user, amount: minor(5000), currency: 'CNY', kind: 'TOP_UP', reason: 'seed', reference: 'seed', at: T0 }));
    const outcomes = await times(100, (i) =>
      run((tx) => tx.accounts.post({ userId: user, amount: minor(-70), currency: 'CNY', kind: 'PURCHASE', reason: 'race', reference: `debit-${i}`, at: T0 })),
    );
    expect(outcomes.filter((o) => o.status === 'APPLIED')).toHaveLength(71);
    expect(outcomes.filter((o) => o.status === 'INSUFFICIENT_FUNDS')).toHaveLength(29);
    const balance = (await run((tx) => tx.accounts.find(user)))?.balance;
    expect(balance).toBe(30);
    const ledger = await run((tx) => tx.accounts.ledger(user, 1000));
    expect(ledger.reduce((sum, entry) => sum + entry.amount, 0)).toBe(balance);
    expect(ledger.every((entry) => entry.balanceAfter >= 0)).toBe(true);
    // Each debit saw the previous one: the balances after form one unbroken chain.
    expect(ledger.map((entry) => entry.balanceAfter).sort((a, b) => b - a)).toEqual(Array.from({ length: 72 }, (_, i) => 5000 - 70 * i));
  });

  it('credits a brand-new account from 20 simultaneous top-ups without losing one', async () => {
    const user = 'new-account-race';
    const outcomes = await times(20, (i) =>
      run((tx) => tx.accounts.post({ userId: user, amount: minor(10), currency: 'CNY', kind: 'TOP_UP', reason: 'race', reference: `topup-${i}`, at: T0 })),
    );
    expect(outcomes.every((o) => o.status === 'APPLIED')).toBe(true);
    expect((await run((tx) => tx.accounts.find(user)))?.balance).toBe(200);
  });

  it('keeps one order when 20 requests race with the same idempotency key', async () => {
    const user = 'idem-race';
    const outcomes = await times(20, () => run((tx) => tx.orders.insert(orderState({ userId: user, idempotencyKey: 'tap-tap-tap' }))));
    expect(outcomes.filter((o) => o === 'INSERTED')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'DUPLICATE_IDEMPOTENCY_KEY')).toHaveLength(19);
    expect((await run((tx) => tx.orders.list({ userId: user, limit: 100, offset: 0 }))).total).toBe(1);
  });

  it('posts one ledger entry when 20 deliveries race with the same reference', async () => {
    const user = 'reference-race';
    await run((tx) => tx.accounts.post({ userId: user, amount: minor(1), currency: 'CNY', kind: 'TOP_UP', reason: 'open', reference: 'open', at: T0 }));
    const outcomes = await times(20, () =>
      run((tx) =>
        tx.accounts.post({ userId: user, amount: minor(1000), currency: 'CNY', kind: 'TOP_UP', reason: 'delivery', reference: 'order:T7:topup', at: T0 }),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'APPLIED')).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 'DUPLICATE_REFERENCE')).toHaveLength(19);
    expect((await run((tx) => tx.accounts.find(user)))?.balance).toBe(1001);
  });
});
