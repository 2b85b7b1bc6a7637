import { ProductInput, catalogContext, STRICT_WEBHOOK_URL_RULES } from '../../../domain/catalog';
import { DEFAULT_LIMITS } from '../../../domain/shared/limits';
import { value } from '../../domain/support/domain-world';
import { TestClock } from '../../domain/support/domain-world';
import { randomIds } from '../../../infrastructure/ids/random-ids';
import { TempImportFiles } from '../../../infrastructure/catalog-import/temp-import-files';
import { dnsWebhookHostResolver } from '../../../infrastructure/fulfilment/webhook-target-guard';
import { databaseBackends } from '../../support/services';
import { openTestStore, TestStore } from './support/test-store';

// The search through the catalog's use cases, so the index is kept the way the shop keeps it.
describe.each(databaseBackends())('product search (%s)', (backend) => {
  let store: TestStore;
  let catalog: ReturnType<typeof catalogContext>;
  const ids: Record<string, number> = {};
  let n = 0;
  const create = async (name: string, input: ProductInput) => {
    n += 1;
    const product = value(await catalog.createProduct({ sku: `S-${n}`, kind: 'manual', price: { amount: 100 * n, currency: 'CNY' }, ...input }));
    ids[name] = product.id;
    return product;
  };
  const find = async (q: string, more: Record<string, unknown> = {}) => value(await catalog.browseProducts({ q, pageSize: 50, ...more }));
  const idsOf = async (q: string, more: Record<string, unknown> = {}) => (await find(q, more)).items.map((p) => p.id);

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
    await create('tea', { title: '云南红茶 Black Tea', description: 'loose leaf' });
    await create('card', { title: 'VIP会员月卡', description: 'one month' });
    await create('vodka', { title: 'Водка Премиум', description: 'drink' });
    await create('cafe', { title: 'Café crème', description: 'coffee' });
    await create('vpn', { sku: 'VPN-1M', title: 'Fast VPN', description: 'a vpn for a month' });
    await create('vpnDesc', { title: 'Router', description: 'works with any vpn' });
    await create('hidden', { title: 'Hidden 红茶 vpn', visible: false });
  });
  afterAll(() => store.close());

  it('finds a Chinese word inside a longer title, and a single character', async () => {
    expect(await idsOf('会员')).toEqual([ids.card]);
    expect(await idsOf('月卡')).toEqual([ids.card]);
    expect(await idsOf('红茶')).toEqual([ids.tea]);
    expect(await idsOf('卡')).toEqual([ids.card]);
    expect(await idsOf('茶红')).toEqual([]);
  });

  it('matches Latin and Cyrillic words by prefix, case- and accent-insensitively', async () => {
    expect(await idsOf('black TEA')).toEqual([ids.tea]);
    expect(await idsOf('bla')).toEqual([ids.tea]);
    expect(await idsOf('cafe CREME')).toEqual([ids.cafe]);
    expect(await idsOf('ВОДКА')).toEqual([ids.vodka]);
    expect(await idsOf('vip')).toEqual([ids.card]);
    expect(await idsOf('lack')).toEqual([]);
    expect(await idsOf('%')).toEqual([]);
  });

  it('ranks an exact SKU first, then title over description, and never shows a hidden product', async () => {
    expect(await idsOf('vpn')).toEqual([ids.vpn, ids.vpnDesc]);
    expect(await idsOf('vpn-1m')).toEqual([ids.vpn]);
    expect(await idsOf('vpn', { includeHidden: true })).toEqual([ids.vpn, ids.hidden, ids.vpnDesc]);
    expect((await find('vpn')).total).toBe(2);
  });

  it('follows an update and a hide in the same transaction as the write', async () => {
    value(await catalog.updateProduct(ids.vodka as number, { title: 'Водка Классик' }));
    expect(await idsOf('премиум')).toEqual([]);
    expect(await idsOf('классик')).toEqual([ids.vodka]);
    value(await catalog.updateProduct(ids.cafe as number, { visible: false }));
    expect(await idsOf('cafe')).toEqual([]);
    value(await catalog.updateProduct(ids.cafe as number, { visible: true }));
    expect(await idsOf('cafe')).toEqual([ids.cafe]);
  });

  it('pages without repeating or skipping, the SKU hit included once', async () => {
    for (let i = 0; i < 7; i += 1) await create(`extra${i}`, { title: `Pager item ${i}`, sku: i === 3 ? 'PAGER' : `PG-${i}` });
    const all = (await find('pager', { pageSize: 50 })).items.map((p) => p.id);
    expect(all[0]).toBe(ids.extra3);
    expect(new Set(all).size).toBe(7);
    const paged: number[] = [];
    for (let page = 1; page <= 4; page += 1) paged.push(...(await find('pager', { page, pageSize: 2 })).items.map((p) => p.id));
    expect(paged).toEqual(all);
    expect((await find('pager item', { page: 2, pageSize: 3 })).items.map((p) => p.id)).toEqual(all.slice(3, 6));
  });

  it('lists by category and sorts by price or newest', async () => {
    const games = value(await catalog.createCategory({ slug: 'games', name: 'Games' }));
    const keys = value(await catalog.createCategory({ slug: 'keys', name: 'Keys', parentId: games.id }));
    const a = await create('gameA', { title: 'Game A', price: { amount: 900, currency: 'CNY' }, categoryId: keys.id });
    const b = await create('gameB', { title: 'Game B', price: { amount: 300, currency: 'CNY' }, categoryId: games.id });
    const list = async (more: Record<string, unknown>) => value(await catalog.browseProducts(more)).items.map((p) => p.id);
    expect(await list({ category: 'games' })).toEqual([a.id, b.id]);
    expect(await list({ category: 'games/keys' })).toEqual([a.id]);
    expect(await list({ category: String(games.id), sort: 'price' })).toEqual([b.id, a.id]);
    expect(await list({ category: 'games', sort: '-price' })).toEqual([a.id, b.id]);
    expect(await list({ category: 'games', sort: 'new' })).toEqual([b.id, a.id]);
    expect(await list({ category: 'nowhere' })).toEqual([]);
    expect(await idsOf('game', { category: 'games/keys' })).toEqual([a.id]);
    expect(await idsOf('game', { sort: 'price' })).toEqual([b.id, a.id]);
    expect((await catalog.browseProducts({ sort: 'cheapest' })).ok).toBe(false);
  });

  it('rebuilds the index from the products', async () => {
    await store.persistence.dataSource.query('DELETE FROM product_search_terms');
    expect(await idsOf('会员')).toEqual([]);
    const rebuilt = await catalog.rebuildSearchIndex(3);
    expect(rebuilt).toBe(n);
    expect(await idsOf('会员')).toEqual([ids.card]);
    expect(await idsOf('vpn')).toEqual([ids.vpn, ids.vpnDesc]);
  });

  it('gives products without terms (an upgraded database) their terms in bounded fires, then stops looking', async () => {
    const [tea, card] = [ids.tea as number, ids.card as number];
    await store.persistence.dataSource.query(`DELETE FROM product_search_terms WHERE product_id IN (${tea}, ${card})`);
    expect(await idsOf('会员')).toEqual([]);
    expect(await idsOf('红茶')).toEqual([]);
    // A fire indexes at most its budget: one product (and the run after it) per fire here.
    const first = await catalog.indexMissingSearchTerms(1);
    expect(first.indexed).toBe(1);
    expect(await idsOf('红茶')).toEqual([tea]);
    let total = first.indexed;
    for (let fire = 0; fire < 20; fire += 1) total += (await catalog.indexMissingSearchTerms(1)).indexed;
    expect(await idsOf('会员')).toEqual([card]);
    expect(await idsOf('vpn')).toEqual([ids.vpn, ids.vpnDesc]);
    // Every product has been looked at: later fires do nothing (products made since are indexed by their own write).
    expect(total).toBeLessThanOrEqual(n);
    expect(await catalog.indexMissingSearchTerms(1000)).toEqual({ indexed: 0, scanned: 0 });
  });
  it('finds, ranks and pages the same across buckets of product ids (32,768 ids a bucket)', async () => {
    // Product ids far apart, as in a large catalog: the next ones in bucket 1, then bucket 2.
    const jumpTo = async (id: number) =>
      backend === 'mysql'
        ? store.persistence.dataSource.query(`ALTER TABLE products AUTO_INCREMENT = ${id}`)
        : store.persistence.dataSource.query(`UPDATE sqlite_sequence SET seq = ${id - 1} WHERE name = 'products'`);
    const old = await create('lanternOld', { title: 'Paper 灯笼', description: 'a lantern of paper' });
    await jumpTo(40_000);
    const one = await create('lanternOne', { title: 'Lantern 红灯笼', description: 'red' });
    const oneHidden = await create('lanternHidden', { title: 'Lantern hidden', visible: false });
    await jumpTo(70_000);
    const two = await create('lanternTwo', { sku: 'LANTERN-2', title: 'Lanterns of stone', description: 'garden lantern' });
    expect([old.id < 32_768, Math.floor(one.id / 32_768), Math.floor(two.id / 32_768)]).toEqual([true, 1, 2]);
    const rows: Array<{ product_id: number | string; bucket: number | string }> = await store.persistence.dataSource.query(
      `SELECT DISTINCT product_id, bucket FROM product_search_terms WHERE product_id IN (${old.id}, ${one.id}, ${two.id}) ORDER BY product_id`,
    );
    expect(rows.map((r) => [Number(r.product_id), Number(r.bucket)])).toEqual([
      [old.id, 0],
      [one.id, 1],
      [two.id, 2],
    ]);
    // Whole word in the title (16) over a title prefix (8) over the description (2); ids descending on a tie.
    expect(await idsOf('lantern')).toEqual([one.id, two.id, old.id]);
    expect((await find('lantern')).total).toBe(3);
    expect(await idsOf('lanterns')).toEqual([two.id]);
    expect(await idsOf('lant')).toEqual([two.id, one.id, old.id]);
    expect(await idsOf('灯笼')).toEqual([old.id, one.id].sort((a, b) => b - a));
    expect(await idsOf('lantern-2')).toEqual([two.id]);
    expect(await idsOf('lantern red')).toEqual([one.id]);
    expect(await idsOf('lantern', { includeHidden: true })).toEqual([oneHidden.id, one.id, two.id, old.id]);
    const paged: number[] = [];
    for (let page = 1; page <= 4; page += 1) paged.push(...(await find('lantern', { page, pageSize: 1 })).items.map((p) => p.id));
    expect(paged).toEqual([one.id, two.id, old.id]);
    value(await catalog.updateProduct(one.id, { visible: false }));
    expect(await idsOf('lantern')).toEqual([two.id, old.id]);
    value(await catalog.updateProduct(one.id, { visible: true }));
    expect(await idsOf('lantern')).toEqual([one.id, two.id, old.id]);
    expect(await catalog.rebuildSearchIndex(2)).toBe(n);
    expect(await idsOf('lant')).toEqual([two.id, one.id, old.id]);
  });
});
