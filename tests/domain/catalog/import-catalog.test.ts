import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IMPORT_BATCH, ImportFormat } from '../../../domain/catalog';
import { openImportFile } from '../../../infrastructure/catalog-import/temp-import-files';
import { DomainWorld, openDomainWorld } from '../support/domain-world';

const HEADER = 'sku,kind,title,description,price,currency,stock,category,title_zh,title_ru,codes';

describe('catalog import', () => {
  let world: DomainWorld;
  const folder = mkdtempSync(join(tmpdir(), 'import-test-'));
  let files = 0;
  const file = (text: string, format: ImportFormat = 'csv') => {
    files += 1;
    const path = join(folder, `f${files}.${format}`);
    writeFileSync(path, text);
    return openImportFile(path, `products.${format}`, format);
  };
  const run = async (text: string, opts: { dryRun?: boolean; format?: ImportFormat } = {}) => {
    const result = await world.shop.catalog.importCatalog(file(text, opts.format), { dryRun: opts.dryRun });
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  };
  const skus = async () => {
    const page = await world.shop.catalog.browseProducts({ includeHidden: true, pageSize: 100 });
    if (!page.ok) throw new Error(page.error.message);
    return page.value.items.map((p) => p.sku).sort();
  };
  // Counted in SQL: a listing's total stops at TOTAL_CAP (10,000), and a batch is that large.
  const productCount = async () => {
    const rows: Array<{ n: number | string }> = await world.persistence.dataSource.query('SELECT COUNT(*) AS n FROM products');
    return Number(rows[0]?.n ?? 0);
  };

  beforeEach(async () => {
    world = await openDomainWorld();
  });
  afterEach(() => world.close());

  const good = [
    HEADER,
    'VPN-1M,manual,VPN 1 month,Fast,9.90,CNY,,vpn,VPN 一个月,VPN на месяц,',
    'GAME-KEY,code,Game key,,19.9,,,games/keys,,,"K-1\nK-2\nK-3"',
    'BOX,manual,A box,,0.01,CNY,5,,,,',
  ].join('\n');

  it('imports products with prices parsed exactly, unlimited and counted stock, and code pools', async () => {
    const job = await run(good);
    expect(job).toMatchObject({ status: 'DONE', counts: { rows: 3, valid: 3, invalid: 0, created: 3, updated: 0, unchanged: 0, codesAdded: 3 } });
    const page = await world.shop.catalog.browseProducts({ pageSize: 10 });
    if (!page.ok) throw new Error('browse failed');
    const bySku = new Map(page.value.items.map((p) => [p.sku, p]));
    expect(bySku.get('VPN-1M')).toMatchObject({ price: { amount: 990, currency: 'CNY' }, stock: null, description: 'Fast' });
    expect(bySku.get('GAME-KEY')).toMatchObject({ kind: 'code', price: { amount: 1990 }, stock: 3 });
    expect(bySku.get('BOX')).toMatchObject({ price: { amount: 1 }, stock: 5 });
  });

  it('makes missing categories, stores the texts per language and keeps the search index', async () => {
    await run(good);
    const categories = await world.shop.catalog.listCategories();
    expect(categories.map((c) => c.path).sort()).toEqual(['games', 'games/keys', 'vpn']);
    const inGames = await world.shop.catalog.browseProducts({ category: 'games' });
    expect(inGames).toMatchObject({ ok: true, value: { items: [{ sku: 'GAME-KEY' }] } });
    const zh = await world.shop.catalog.browseProducts({ q: '一个月', lang: 'zh-CN' });
    expect(zh).toMatchObject({ ok: true, value: { items: [{ sku: 'VPN-1M', title: 'VPN 一个月', description: 'Fast' }] } });
    const ru = await world.shop.catalog.browseProducts({ q: 'месяц', lang: 'ru' });
    expect(ru).toMatchObject({ ok: true, value: { items: [{ sku: 'VPN-1M', title: 'VPN на месяц' }] } });
    const en = await world.shop.catalog.browseProducts({ q: 'vpn', lang: 'en' });
    expect(en).toMatchObject({ ok: true, value: { items: [{ sku: 'VPN-1M', title: 'VPN 1 month' }] } });
    const renamed = await run(good.replace('VPN на месяц', 'VPN на тридцать дней'));
    expect(renamed.counts).toMatchObject({ updated: 1, unchanged: 2 });
    expect(await world.shop.catalog.browseProducts({ q: 'месяц' })).toMatchObject({ ok: true, value: { total: 0 } });
    expect(await world.shop.catalog.browseProducts({ q: 'тридцать' })).toMatchObject({ ok: true, value: { total: 1 } });
  });

  it('a second import of the same file changes nothing', async () => {
    await run(good);
    const before = await world.shop.catalog.browseProducts({ pageSize: 10 });
    const again = await run(good);
    expect(again).toMatchObject({ status: 'DONE', counts: { created: 0, updated: 0, unchanged: 3, codesAdded: 0 } });
    expect(await world.shop.catalog.browseProducts({ pageSize: 10 })).toEqual(before);
  });

  it('changes only what the file changes', async () => {
    await run(good);
    const edited = good.replace('A box,,0.01,CNY,5', 'A bigger box,,0.02,CNY,7');
    const job = await run(edited);
    expect(job.counts).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    const box = await world.shop.catalog.browseProducts({ q: 'bigger' });
    expect(box).toMatchObject({ ok: true, value: { items: [{ sku: 'BOX', price: { amount: 2 }, stock: 7 }] } });
  });

  it('reports every bad row with its line, field and reason, and writes nothing', async () => {
    const bad = [
      HEADER,
      'OK-1,manual,Fine,,1.00,,,,,,',
      'BAD 1,manual,Bad sku,,1.00,,,,,,',
      'OK-2,gift,Bad kind,,1.999,,,,,,',
      'OK-3,manual,,,abc,USD,-1,a//b,,,',
      'OK-1,manual,Duplicate,,1.00,,,,,,',
      'OK-4,manual,Codes on a manual product,,1,,,,,,X',
      'OK-5,manual,Too few fields,,1',
    ].join('\n');
    const job = await run(bad);
    expect(job.status).toBe('INVALID');
    expect(job.counts).toMatchObject({ rows: 7, valid: 1, invalid: 6 });
    const found = job.problems.map((p) => `${p.line}:${p.field}`);
    expect(found).toEqual(
      expect.arrayContaining(['3:sku', '4:price', '4:kind', '5:currency', '5:price', '5:stock', '5:category', '5:title', '6:sku', '7:codes', '8:row']),
    );
    expect(job.problems.every((p) => p.reason.length > 0)).toBe(true);
    expect(await skus()).toEqual([]);
  });

  it('takes an optional stars_price column: set, cleared by an empty cell, kept by a file without the column, checked', async () => {
    const stars = async () => {
      const page = await world.shop.catalog.browseProducts({ includeHidden: true, pageSize: 10 });
      if (!page.ok) throw new Error(page.error.message);
      return Object.fromEntries(page.value.items.map((p) => [p.sku, p.starsPrice]));
    };
    await run(['sku,kind,title,price,stars_price', 'KEY-1,code,Key,9.90,50', 'PEN-1,manual,Pen,3,'].join('\n'));
    expect(await stars()).toEqual({ 'KEY-1': 50, 'PEN-1': null });
    // A file that does not mention Stars leaves the prices it does not know about alone.
    expect((await run(['sku,kind,title,price', 'KEY-1,code,Key,9.90'].join('\n'))).counts).toMatchObject({ unchanged: 1 });
    expect(await stars()).toEqual({ 'KEY-1': 50, 'PEN-1': null });
    await run(['sku,kind,title,price,stars_price', 'KEY-1,code,Key,9.90,'].join('\n'));
    expect(await stars()).toEqual({ 'KEY-1': null, 'PEN-1': null });
    const bad = await run(['sku,kind,title,price,stars_price', 'KEY-2,code,Key,1,4.5', 'KEY-3,code,Key,1,10001', 'PEN-2,manual,Pen,1,5'].join('\n'));
    expect(bad.status).toBe('INVALID');
    expect(bad.problems.map((p) => `${p.line}:${p.field}`)).toEqual(['2:stars_price', '3:stars_price', '4:stars_price']);
  });

  it('reports an unknown column on the header line', async () => {
    const job = await run('sku,kind,title,price,colour\nA,manual,A,1,red');
    expect(job.status).toBe('INVALID');
    expect(job.problems).toEqual([expect.objectContaining({ line: 1, field: 'colour' })]);
  });

  it('a dry run checks and counts but writes nothing', async () => {
    const job = await run(good, { dryRun: true });
    expect(job).toMatchObject({ status: 'CHECKED', counts: { valid: 3, created: 3 } });
    expect(await skus()).toEqual([]);
  });

  it('a product cannot change its kind', async () => {
    await run(good);
    const job = await run(`${HEADER}\nBOX,code,A box,,0.01,CNY,,,,,`);
    expect(job.status).toBe('INVALID');
    expect(job.problems).toEqual([expect.objectContaining({ line: 2, field: 'kind' })]);
  });

  it('reads YAML as text (9.90 stays exact) with codes as a list', async () => {
    const yaml = [
      '# the shop',
      '- sku: VPN-1M',
      '  kind: manual',
      '  title: VPN',
      '  price: 9.90',
      '- sku: KEY',
      '  kind: code',
      '  title: Key',
      '  price: 0.10',
      '  codes:',
      '    - A',
      '    - B',
      '- sku: BAD',
      '  kind: manual',
      '  title: Bad',
      '  price: 1.001',
    ].join('\n');
    const checked = await run(yaml, { format: 'yaml' });
    expect(checked.status).toBe('INVALID');
    expect(checked.problems).toEqual([expect.objectContaining({ line: 13, field: 'price' })]);
    const job = await run(yaml.split('\n').slice(0, 12).join('\n'), { format: 'yaml' });
    expect(job).toMatchObject({ status: 'DONE', counts: { created: 2, codesAdded: 2 } });
    const page = await world.shop.catalog.browseProducts({ q: 'VPN' });
    expect(page).toMatchObject({ ok: true, value: { items: [{ price: { amount: 990 } }] } });
  });

  it('resumes an interrupted import after its last committed batch', async () => {
    const rows = Array.from({ length: 2 * IMPORT_BATCH + 500 }, (_, i) => `P-${i},manual,Product ${i},,1.00,,,,,,`);
    const text = [HEADER, ...rows].join('\n');
    const source = file(text);
    // Interrupt it: the second batch's transaction fails once, after the first committed.
    const uow = world.persistence.uow;
    let batches = 0;
    const original = uow.run.bind(uow);
    const spy = jest.spyOn(uow, 'run').mockImplementation((work) =>
      original(async (tx) => {
        const result = await work(tx);
        if (
          typeof result === 'object' &&
          result !== null &&
          'ok' in result &&
          'value' in result &&
          (result.value as { rowsDone?: number }).rowsDone !== undefined
        ) {
          batches += 1;
          if (batches === 2) throw new Error('connection lost');
        }
        return result;
      }),
    );
    await expect(world.shop.catalog.importCatalog(source)).rejects.toThrow('connection lost');
    spy.mockRestore();
    expect(await productCount()).toBe(IMPORT_BATCH);
    const resumed = await world.shop.catalog.importCatalog(source);
    expect(resumed).toMatchObject({ ok: true, value: { status: 'DONE', rowsDone: 2 * IMPORT_BATCH + 500, counts: { created: 2 * IMPORT_BATCH + 500 } } });
    expect(await productCount()).toBe(2 * IMPORT_BATCH + 500);
  });
});
