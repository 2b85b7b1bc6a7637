import { catalogContext, STRICT_WEBHOOK_URL_RULES } from '../../domain/catalog';
import { DEFAULT_LIMITS } from '../../domain/shared/limits';
import { randomIds } from '../../infrastructure/ids/random-ids';
import { TempImportFiles } from '../../infrastructure/catalog-import/temp-import-files';
import { dnsWebhookHostResolver } from '../../infrastructure/fulfilment/webhook-target-guard';
import { TestClock, value } from '../domain/support/domain-world';
import { databaseBackends } from '../support/services';
import { openTestStore, TestStore } from '../infrastructure/persistence/support/test-store';

const PRODUCTS = 24;
const WRITES_PER_WRITER = 60;
const WRITERS = 4;
const READERS = 4;

/** What the writers know of one product: its last committed state, and whether a write is under way. */
interface Known {
  visible: boolean;
  word: 'alpha' | 'beta';
  /** performance.now() when the last write resolved (committed). */
  committedAt: number;
  /** Writes started and not yet resolved, with when the oldest began. */
  pending: number;
  pendingSince: number;
}

// A storm of product updates (hide, show, a new title word) and searches at once. A search must never return a
// product that was hidden for the whole time the search ran, and must return every product that was visible and
// matching, committed before the search began and not touched until it ended.
describe.each(databaseBackends())('search under concurrent writes (%s)', (backend) => {
  let store: TestStore;
  let catalog: ReturnType<typeof catalogContext>;

  beforeAll(async () => {
    store = await openTestStore(backend);
    catalog = catalogContext({
      uow: store.persistence.uow,
      clock: new TestClock(),
      ids: randomIds,
      limits: DEFAULT_LIMITS,
      importFiles: new TempImportFiles(),
      webhookTargets: { rules: STRICT_WEBHOOK_URL_RULES, resolver: dnsWebhookHostResolver },
    });
  });
  afterAll(() => store.close());

  const jumpToBucket = (bucket: number) =>
    backend === 'mysql'
      ? store.persistence.dataSource.query(`ALTER TABLE products AUTO_INCREMENT = ${bucket * 32_768 + 1}`)
      : store.persistence.dataSource.query(`UPDATE sqlite_sequence SET seq = ${bucket * 32_768} WHERE name = 'products'`);

  it('never shows a hidden product and never misses a committed visible one', async () => {
    const known = new Map<number, Known>();
    for (let i = 0; i < PRODUCTS; i += 1) {
      // A third of the products in each of three buckets of the index (32,768 ids a bucket): a search merges them.
      if (i > 0 && i % (PRODUCTS / 3) === 0) await jumpToBucket((3 * i) / PRODUCTS);
      const p = value(await catalog.createProduct({ sku: `STORM-${i}`, title: `Storm alpha ${i}`, kind: 'manual', price: { amount: 100, currency: 'CNY' } }));
      known.set(p.id, { visible: true, word: 'alpha', committedAt: performance.now(), pending: 0, pendingSince: 0 });
    }
    const ids = [...known.keys()];
    expect(new Set(ids.map((id) => Math.floor(id / 32_768)))).toEqual(new Set([0, 1, 2]));
    const violations: string[] = [];
    let writersDone = 0;
    let searches = 0;

    const writer = async (w: number) => {
      for (let n = 0; n < WRITES_PER_WRITER; n += 1) {
        const id = ids[(w * 7 + n * 5) % ids.length] as number;
        const k = known.get(id) as Known;
        const hide = (w + n) % 3 === 0;
        const word = (w + n) % 2 === 0 ? 'alpha' : 'beta';
        if (k.pending === 0) k.pendingSince = performance.now();
        k.pending += 1;
        value(await catalog.updateProduct(id, { visible: !hide, title: `Storm ${word} ${id}` }));
        // Writers of one product commit in lock order; the last to resolve holds the committed state.
        k.pending -= 1;
        k.visible = !hide;
        k.word = word;
        k.committedAt = performance.now();
      }
      writersDone += 1;
    };

    const reader = async () => {
      while (writersDone < WRITERS) {
        for (const word of ['alpha', 'beta'] as const) {
          const began = performance.now();
          const snapshot = new Map([...known].map(([id, k]) => [id, { ...k }]));
          const page = value(await catalog.browseProducts({ q: `storm ${word}`, pageSize: 100 }));
          const ended = performance.now();
          searches += 1;
          const found = new Set(page.items.map((p) => p.id));
          for (const p of page.items) {
            const now = known.get(p.id) as Known;
            const before = snapshot.get(p.id) as Known;
            const touched = before.pending > 0 || now.pending > 0 || now.committedAt > began;
            if (!touched && !before.visible) violations.push(`${word}: returned hidden product ${p.id}`);
            if (!p.visible) violations.push(`${word}: returned a product marked hidden ${p.id}`);
          }
          for (const [id, before] of snapshot) {
            const now = known.get(id) as Known;
            const stable = before.pending === 0 && now.pending === 0 && now.committedAt <= began && before.committedAt === now.committedAt;
            if (stable && before.visible && before.word === word && !found.has(id))
              violations.push(`${word}: missed visible product ${id} (searched ${began}–${ended})`);
          }
        }
      }
    };

    await Promise.all([...Array.from({ length: WRITERS }, (_, w) => writer(w)), ...Array.from({ length: READERS }, () => reader())]);
    expect(violations).toEqual([]);
    expect(searches).toBeGreaterThan(READERS);
    // After the storm the index agrees with the products exactly.
    const stored = await Promise.all(ids.map(async (id) => value(await catalog.getProduct(id, { includeHidden: true }))));
    for (const word of ['alpha', 'beta'] as const) {
      const expected = stored
        .filter((p) => p.visible && p.title.includes(word))
        .map((p) => p.id)
        .sort((a, b) => a - b);
      const page = value(await catalog.browseProducts({ q: `storm ${word}`, pageSize: 100 }));
      expect(page.items.map((p) => p.id).sort((a, b) => a - b)).toEqual(expected);
      expect(page.total).toBe(expected.length);
    }
  });
});
