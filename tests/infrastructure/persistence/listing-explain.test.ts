import { EntitySubscriberInterface } from 'typeorm';
import { catalogContext, STRICT_WEBHOOK_URL_RULES } from '../../../domain/catalog';
import { DEFAULT_LIMITS } from '../../../domain/shared/limits';
import { randomIds } from '../../../infrastructure/ids/random-ids';
import { TempImportFiles } from '../../../infrastructure/catalog-import/temp-import-files';
import { dnsWebhookHostResolver } from '../../../infrastructure/fulfilment/webhook-target-guard';
import { price } from '../../../domain/shared/money';
import { TestClock, value } from '../../domain/support/domain-world';
import { testMysqlUrl } from '../../support/services';
import { productDraft, T0 } from './support/factories';
import { openTestStore, TestStore } from './support/test-store';

const ROWS = 3_000;
const mysqlOnly = testMysqlUrl() ? describe : describe.skip;

// The catalog listing reads an index in order: MySQL's plan for each (category?, sort) page shows no filesort and
// no scan of the whole table. The statements are the ones the adapter really sends, caught on their way out.
mysqlOnly('the catalog listing plan (mysql)', () => {
  let store: TestStore;
  let catalog: ReturnType<typeof catalogContext>;
  let sent: Array<{ query: string; parameters: unknown[] }> = [];

  beforeAll(async () => {
    store = await openTestStore('mysql');
    catalog = catalogContext({
      uow: store.persistence.uow,
      clock: new TestClock(),
      ids: randomIds,
      limits: DEFAULT_LIMITS,
      importFiles: new TempImportFiles(),
      webhookTargets: { rules: STRICT_WEBHOOK_URL_RULES, resolver: dnsWebhookHostResolver },
    });
    const games = value(await catalog.createCategory({ slug: 'games', name: 'Games' }));
    const other = value(await catalog.createCategory({ slug: 'other', name: 'Other' }));
    await store.persistence.uow.run(async (tx) => {
      const drafts = Array.from({ length: ROWS }, (_, i) =>
        productDraft({
          sku: `EX-${i}`,
          categoryId: i % 10 === 0 ? games.id : other.id,
          visible: i % 7 !== 0,
          price: price((i * 37) % 1000, 'CNY'),
        }),
      );
      await tx.products.insertMany(drafts, T0);
    });
    await store.persistence.dataSource.query('ANALYZE TABLE products');
    const subscriber: EntitySubscriberInterface = {
      beforeQuery: (event) => void sent.push({ query: event.query, parameters: Array.isArray(event.parameters) ? event.parameters : [] }),
    };
    store.persistence.dataSource.subscribers.push(subscriber);
  });
  afterAll(() => store.close());

  it.each([
    [{}, 'ix_products_visible_id'],
    [{ sort: 'new' }, 'ix_products_visible_id'],
    [{ sort: 'price' }, 'ix_products_visible_price'],
    [{ sort: '-price' }, 'ix_products_visible_price'],
    [{ category: 'games' }, 'ix_products_visible_category_id'],
    [{ category: 'games', sort: 'price' }, 'ix_products_visible_category_price'],
  ])('%j reads %s in order', async (query, index) => {
    sent = [];
    const page = value(await catalog.browseProducts({ ...query, page: 2, pageSize: 20 }));
    expect(page.items).toHaveLength(20);
    const select = sent.find((s) => /FROM `products`/.test(s.query) && /ORDER BY/.test(s.query) && !/COUNT/.test(s.query));
    if (!select) throw new Error(`no listing statement among ${sent.map((s) => s.query).join(' | ')}`);
    const plan: Array<{ key: string | null; Extra: string | null; type: string }> = await store.persistence.dataSource.query(
      `EXPLAIN ${select.query}`,
      select.parameters,
    );
    expect(plan).toHaveLength(1);
    expect(plan[0]?.Extra ?? '').not.toMatch(/filesort/i);
    expect(plan[0]?.type).not.toBe('ALL');
    expect(plan[0]?.key).toBe(index);
  });
});
