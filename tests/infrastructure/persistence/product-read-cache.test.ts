import { EntitySubscriberInterface } from 'typeorm';
import { searchDocumentOf } from '../../../domain/catalog';
import { err } from '../../../domain/shared/result';
import { ProductReadCache } from '../../../infrastructure/persistence/catalog/product-read-cache';
import { MemoryInvalidationChannel } from '../../../infrastructure/redis/memory/memory-invalidation-channel';
import { KeySpace } from '../../../infrastructure/redis/key-space';
import { topicOf } from '../../../infrastructure/redis/invalidation-channel';
import { databaseBackends, uniqueName } from '../../support/services';
import { T0, productDraft } from './support/factories';
import { openTestStore, TestStore } from './support/test-store';

describe.each(databaseBackends())('product reads cached outside transactions (%s)', (backend) => {
  const channel = new MemoryInvalidationChannel(new KeySpace(`${uniqueName('tbt_cache')}:`));
  const elsewhere = topicOf(channel, 'catalog');
  let store: TestStore;
  let statements = 0;
  let productId = 0;
  const read = () => store.persistence.uow.read((repos) => repos.products.findById(productId));
  const page = () =>
    store.persistence.uow.read((repos) =>
      repos.search.find({ tokens: [], skuTerm: null, categoryIds: null, sort: 'relevance', page: 1, pageSize: 20, includeHidden: false }),
    );
  const counted = async <T>(work: () => Promise<T>): Promise<{ value: T; statements: number }> => {
    const before = statements;
    const value = await work();
    return { value, statements: statements - before };
  };

  beforeAll(async () => {
    store = await openTestStore(backend, { productCache: { ttlMs: 60_000, notices: elsewhere } });
    const subscriber: EntitySubscriberInterface = { beforeQuery: () => void (statements += 1) };
    store.persistence.dataSource.subscribers.push(subscriber);
    const product = await store.persistence.uow.run(async (tx) => {
      const inserted = await tx.products.insert(productDraft({ sku: 'CACHED-1', stock: 10 }), T0);
      if (inserted === 'DUPLICATE_SKU') throw new Error('sku taken');
      await tx.search.index([searchDocumentOf(inserted)]);
      return inserted;
    });
    productId = product.id;
  });
  afterAll(async () => {
    await store.close();
    await channel.close();
  });

  it('answers a repeated read from memory, and a committed product write is seen by the next read', async () => {
    expect((await counted(read)).value?.stock).toBe(10);
    const again = await counted(read);
    expect(again).toEqual({ value: expect.objectContaining({ stock: 10 }), statements: 0 });
    expect((await counted(page)).statements).toBeGreaterThan(0);
    expect((await counted(page)).statements).toBe(0);

    await store.persistence.uow.run((tx) => tx.products.reserveStock(productId, 3));
    const fresh = await counted(read);
    expect(fresh.value?.stock).toBe(7);
    expect(fresh.statements).toBeGreaterThan(0);
    expect((await counted(page)).value.items.find((p) => p.id === productId)?.stock).toBe(7);
  });

  it('keeps the cache when the write rolled back', async () => {
    await read();
    await store.persistence.uow.run(async (tx) => {
      await tx.products.setStock(productId, 99, T0);
      return err({ code: 'VALIDATION_FAILED', message: 'rolled back on purpose' });
    });
    expect(await counted(read)).toEqual({ value: expect.objectContaining({ stock: 7 }), statements: 0 });
  });

  it('forgets everything when another instance says a product changed', async () => {
    await read();
    elsewhere.publish();
    expect((await counted(read)).statements).toBeGreaterThan(0);
  });
});

describe('ProductReadCache', () => {
  it('serves a read for ttlMs at most, and shares one load between concurrent misses', async () => {
    let now = 0;
    let loads = 0;
    const cache = new ProductReadCache({ ttlMs: 1000, notices: { publish: () => undefined, subscribe: () => () => undefined }, now: () => now });
    const repo = cache.reads({
      findById: async () => {
        loads += 1;
        return null;
      },
    } as never);
    await Promise.all([repo.findById(1), repo.findById(1), repo.findById(1)]);
    expect(loads).toBe(1);
    now = 999;
    await repo.findById(1);
    expect(loads).toBe(1);
    now = 1000;
    await repo.findById(1);
    expect(loads).toBe(2);
  });
});
