import { err, ok } from '../../../domain/shared/result';
import { ShopTx as Tx } from '../../../infrastructure/persistence';
import { databaseBackends } from '../../support/services';
import { T0, productDraft } from './support/factories';
import { openTestStore, TestStore } from './support/test-store';

/** A promise plus the function that resolves it: lets two transactions meet at a known point. */
function signal(): { promise: Promise<void>; fire: () => void } {
  let fire: () => void = () => undefined;
  const promise = new Promise<void>((resolve) => {
    fire = resolve;
  });
  return { promise, fire };
}

describe.each(databaseBackends())('TypeormUnitOfWork (%s)', (backend) => {
  let store: TestStore;
  const run = <T>(work: (tx: Tx) => Promise<T>): Promise<T> => store.persistence.uow.run(work);
  const skuExists = async (sku: string): Promise<boolean> => (await run((tx) => tx.products.findBySku(sku))) !== null;
  const newProduct = async (tx: Tx, sku: string, stock: number | null = null): Promise<number> => {
    const product = await tx.products.insert(productDraft({ sku, stock }), T0);
    if (product === 'DUPLICATE_SKU') throw new Error(`sku ${sku} exists`);
    return product.id;
  };

  beforeAll(async () => {
    store = await openTestStore(backend);
  });
  afterAll(async () => {
    await store.close();
  });

  it('commits when the work resolves to a value or an ok Result, and returns it as is', async () => {
    expect(await run(async (tx) => (await newProduct(tx, 'commit-plain')) > 0)).toBe(true);
    const result = await run(async (tx) => ok(await newProduct(tx, 'commit-ok')));
    expect(result.ok).toBe(true);
    expect(await skuExists('commit-plain')).toBe(true);
    expect(await skuExists('commit-ok')).toBe(true);
  });

  it('rolls back when the work resolves to a failed Result, and returns that Result', async () => {
    const failed = err({ code: 'OUT_OF_STOCK' });
    expect(
      await run(async (tx) => {
        await newProduct(tx, 'rolled-back-result');
        return failed;
      }),
    ).toBe(failed);
    expect(await skuExists('rolled-back-result')).toBe(false);
  });

  it('rolls back when the work throws, and rethrows the very same error', async () => {
    const boom = new Error('boom');
    await expect(
      run(async (tx) => {
        await newProduct(tx, 'rolled-back-throw');
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect(await skuExists('rolled-back-throw')).toBe(false);
  });

  it('runs afterCommit callbacks in order, after the commit, and never for work that rolled back', async () => {
    const seen: string[] = [];
    let visibleAfterCommit: Promise<boolean> = Promise.resolve(false);
    await run(async (tx) => {
      await newProduct(tx, 'after-commit');
      tx.afterCommit(() => {
        seen.push('first');
        // A fresh transaction from the callback sees the committed row (and on SQLite does not wait for itself).
        visibleAfterCommit = skuExists('after-commit');
      });
      tx.afterCommit(() => seen.push('second'));
      expect(seen).toEqual([]);
    });
    expect(seen).toEqual(['first', 'second']);
    expect(await visibleAfterCommit).toBe(true);

    await run(async (tx) => {
      tx.afterCommit(() => seen.push('after failed result'));
      return err('NOPE');
    });
    await expect(
      run(async (tx) => {
        tx.afterCommit(() => seen.push('after throw'));
        throw new Error('nope');
      }),
    ).rejects.toThrow('nope');
    expect(seen).toEqual(['first', 'second']);
  });

  it('logs a failing afterCommit callback instead of failing the committed work', async () => {
    store.logged.length = 0;
    const result = await run(async (tx) => {
      await newProduct(tx, 'after-commit-fails');
      tx.afterCommit(() => {
        throw new Error('notifier down');
      });
      tx.afterCommit(() => Promise.reject(new Error('async notifier down')));
      return 'committed';
    });
    expect(result).toBe('committed');
    await new Promise((resolve) => setImmediate(resolve));
    expect(await skuExists('after-commit-fails')).toBe(true);
    expect(store.logged.filter((line) => line.level === 'error').map((line) => line.details?.error)).toEqual(['notifier down', 'async notifier down']);
  });

  it('refuses a run nested inside another run', async () => {
    await expect(run(() => run(async () => 'inner'))).rejects.toThrow(/inside another run/);
  });

  if (backend === 'mysql') {
    it('runs at READ COMMITTED: a second read in the same transaction sees another transaction’s commit', async () => {
      const productId = await run((tx) => newProduct(tx, 'isolation', 5));
      const firstRead = signal();
      const otherCommitted = signal();
      const reader = run(async (tx) => {
        const before = (await tx.products.findById(productId))?.stock;
        firstRead.fire();
        await otherCommitted.promise;
        const after = (await tx.products.findById(productId))?.stock;
        return [before, after];
      });
      await firstRead.promise;
      await run((tx) => tx.products.setStock(productId, 9, T0));
      otherCommitted.fire();
      expect(await reader).toEqual([5, 9]);
    });

    it('runs the whole work again after a deadlock, so both sides finally commit', async () => {
      const [a, b] = await run(async (tx) => [await newProduct(tx, 'deadlock-a', 10), await newProduct(tx, 'deadlock-b', 10)]);
      const aLocked = signal();
      const bLocked = signal();
      let attempts = 0;
      store.logged.length = 0;
      const lockInOrder = (first: number, second: number, mine: () => void, theirs: Promise<void>) =>
        run(async (tx) => {
          attempts += 1;
          await tx.products.reserveStock(first, 1);
          mine();
          await theirs;
          return tx.products.reserveStock(second, 1);
        });
      const results = await Promise.all([lockInOrder(a, b, aLocked.fire, bLocked.promise), lockInOrder(b, a, bLocked.fire, aLocked.promise)]);
      expect(results).toEqual([true, true]);
      expect(attempts).toBeGreaterThanOrEqual(3);
      expect(store.logged.some((line) => line.message.includes('transaction conflict'))).toBe(true);
      const stocks = await run(async (tx) => [(await tx.products.findById(a))?.stock, (await tx.products.findById(b))?.stock]);
      expect(stocks).toEqual([8, 8]);
    });
  }
});
