// search: N generated products (default 1,000,000; `npm run bench -- search --rows 100000` for a quick run), mixed
// Chinese and English, written through the catalog's bulk path (products + their index terms in one transaction per
// batch), then p50/p95 of the catalog's search use case for four kinds of query, each against the old
// `LOWER(col) LIKE '%q%'` listing + COUNT on the same data in the same run. Also the import rate and the index's size.
// It runs in this process on the shop's own code (use case → repository → MySQL), without HTTP: what is measured is
// the search, not fastify.
import { performance } from 'node:perf_hooks';
import { ProductDraft, catalogContext, searchDocumentOf, STRICT_WEBHOOK_URL_RULES } from '../../domain/catalog';
import { DEFAULT_LIMITS } from '../../domain/shared/limits';
import { price } from '../../domain/shared/money';
import { systemClock } from '../../domain/shared/clock';
import { randomIds } from '../../infrastructure/ids/random-ids';
import { TempImportFiles } from '../../infrastructure/catalog-import/temp-import-files';
import { dnsWebhookHostResolver } from '../../infrastructure/fulfilment/webhook-target-guard';
import { createPersistence } from '../../infrastructure/persistence/create-persistence';
import { percentile } from '../support/db-wait';
import { Figure, figure } from '../support/figures';
import { createDatabase } from '../support/services';
import { BenchContext } from '../support/world';

const BATCH = 2_000;
const RARE_LATIN = 'zephyrine';
const RARE_CHINESE = '琥珀';
const COMMON = 'premium';
const ABSENT = 'qwxzvj';

/** Deterministic text: a seeded generator, so every run indexes the same million rows. */
function rng(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'sto', 'vel', 'dar', 'qui', 'pen', 'tor', 'bel', 'nix', 'sa', 'ro', 'fen', 'gal', 'tri', 'mon', 'cas', 'vor'];
// No 琥 or 珀 among them: the rare Chinese word occurs only where it is put.
const HANZI = Array.from(
  '会员月卡游戏激活码充值点券礼包年季周天超级高速网络加速器视频音乐云盘存储账号兑换官方正版永久限时特惠新品热卖精选套餐流量手机电脑平台服务专属',
);

function wordOf(next: () => number): string {
  const n = 2 + Math.floor(next() * 2);
  let w = '';
  for (let i = 0; i < n; i += 1) w += SYLLABLES[Math.floor(next() * SYLLABLES.length)];
  return w;
}

function hanziOf(next: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i += 1) s += HANZI[Math.floor(next() * HANZI.length)];
  return s;
}

function productAt(i: number, next: () => number): ProductDraft {
  const words = [wordOf(next), wordOf(next), wordOf(next)];
  if (i % 1000 === 7) words.push(RARE_LATIN);
  if (next() < 0.3) words.push(COMMON);
  let cjk = hanziOf(next, 4 + Math.floor(next() * 3));
  if (i % 1000 === 501) cjk = `${cjk.slice(0, 2)}${RARE_CHINESE}${cjk.slice(2)}`;
  return {
    sku: `B-${i}`,
    title: `${cjk} ${words.join(' ')}`,
    description: `${hanziOf(next, 8)} ${[wordOf(next), wordOf(next), wordOf(next), wordOf(next)].join(' ')}`,
    kind: 'manual',
    price: price(100 + Math.floor(next() * 100_000), 'CNY'),
    stock: null,
    visible: i % 50 !== 0,
    creditAmount: null,
    webhookUrl: null,
    photoUrl: null,
    categoryId: null,
  };
}

function rowsSetting(): number {
  const flag = process.argv.indexOf('--rows');
  const raw = flag > 0 ? process.argv[flag + 1] : process.env.BENCH_SEARCH_ROWS;
  const rows = Number(raw ?? 1_000_000);
  if (!Number.isSafeInteger(rows) || rows < 1000) throw new Error('--rows must be an integer of at least 1000');
  return rows;
}

async function timed(times: number, work: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  const ms: number[] = [];
  await work(); // warm: the first call pays for plans and cold pages
  for (let i = 0; i < times; i += 1) {
    const t0 = performance.now();
    await work();
    ms.push(performance.now() - t0);
  }
  return { p50: percentile(ms, 50), p95: percentile(ms, 95) };
}

export async function search(ctx: BenchContext): Promise<Figure[]> {
  const rows = rowsSetting();
  const db = await createDatabase(ctx.settings.databaseUrl, 'tb_bench_search', ctx.settings.keep);
  const persistence = createPersistence({
    databaseUrl: db.url,
    sqlitePath: ':memory:',
    logger: { warn: () => undefined, error: () => undefined },
    poolSize: 4,
  });
  try {
    await persistence.migrate();
    const catalog = catalogContext({
      uow: persistence.uow,
      clock: systemClock,
      ids: randomIds,
      limits: DEFAULT_LIMITS,
      importFiles: new TempImportFiles(),
      webhookTargets: { rules: STRICT_WEBHOOK_URL_RULES, resolver: dnsWebhookHostResolver },
    });
    ctx.log(`search: importing ${rows} products in batches of ${BATCH}`);
    const next = rng(12);
    const started = performance.now();
    let peakRss = 0;
    for (let start = 0; start < rows; start += BATCH) {
      const drafts = Array.from({ length: Math.min(BATCH, rows - start) }, (_, k) => productAt(start + k, next));
      await persistence.uow.run(async (tx) => {
        const products = await tx.products.insertMany(drafts, systemClock.now());
        await tx.search.index(
          products.map((p) => searchDocumentOf(p)),
          { fresh: true },
        );
      });
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      if ((start / BATCH) % 50 === 0) ctx.log(`search: ${start + drafts.length} imported`);
    }
    const importSeconds = (performance.now() - started) / 1000;
    await db.pool.query('ANALYZE TABLE products, product_search_terms');
    const [sizes] = await db.pool.query(
      `SELECT table_name AS t, data_length + index_length AS bytes, table_rows AS n FROM information_schema.tables
       WHERE table_schema = DATABASE() AND table_name IN ('products', 'product_search_terms')`,
    );
    const size = new Map((sizes as Array<{ t: string; bytes: number; n: number }>).map((r) => [r.t, r]));
    const like = async (q: string) => {
      const pattern = `%${q.toLowerCase()}%`;
      const where = 'visible = 1 AND (LOWER(title) LIKE ? OR LOWER(sku) LIKE ? OR LOWER(description) LIKE ?)';
      await db.pool.query(`SELECT * FROM products WHERE ${where} ORDER BY id LIMIT 20`, [pattern, pattern, pattern]);
      await db.pool.query(`SELECT COUNT(*) AS n FROM products WHERE ${where}`, [pattern, pattern, pattern]);
    };
    const cases: Array<[string, string, string]> = [
      ['Latin word in 0.1% of rows', RARE_LATIN, 'p95 ≤ 30 ms, ≥ 50× LIKE'],
      ['Chinese 2-char word in 0.1%', RARE_CHINESE, 'p95 ≤ 30 ms, ≥ 50× LIKE'],
      ['common word in 30% (first page)', COMMON, 'p95 ≤ 60 ms, ≥ 50× LIKE'],
      ['term in no rows', ABSENT, 'p95 ≤ 30 ms, ≥ 50× LIKE'],
    ];
    const figures: Figure[] = [];
    const likeTimes = Math.max(3, Math.min(20, Math.round(2_000_000 / rows)));
    for (const [name, q, target] of cases) {
      const found = await catalog.browseProducts({ q, pageSize: 20 });
      if (!found.ok) throw new Error(`search for ${q} failed: ${found.error.message}`);
      ctx.log(`search: ${name}: ${found.value.total}${found.value.totalCapped ? '+' : ''} found; measuring`);
      const ours = await timed(200, () => catalog.browseProducts({ q, pageSize: 20 }));
      const old = await timed(likeTimes, () => like(q));
      figures.push(
        figure({
          benchmark: 'search',
          figure: `${name} (${rows.toLocaleString('en')} rows), p95`,
          unit: 'ms',
          shop: ours.p95,
          reference: old.p95,
          referenceName: 'LIKE listing + COUNT',
          better: 'lower',
          p50: ours.p50,
          refP50: old.p50,
          target,
          notes: [`q=${q}: ${found.value.total}${found.value.totalCapped ? '+' : ''} matches; LIKE measured ${likeTimes}×, search 200×`],
        }),
      );
    }
    const terms = size.get('product_search_terms');
    const products = size.get('products');
    figures.push(
      figure({
        benchmark: 'search',
        figure: `import through the index-maintaining bulk path (${rows.toLocaleString('en')} rows)`,
        unit: 'rows/s',
        shop: rows / importSeconds,
        reference: null,
        referenceName: null,
        better: 'higher',
        target: '≥ 5,000 rows/s, RSS ≤ 300 MB',
        notes: [`${importSeconds.toFixed(1)} s; bench process peak RSS ${(peakRss / 1048576).toFixed(0)} MB`],
      }),
      figure({
        benchmark: 'search',
        figure: 'index size on disk (product_search_terms, data + indexes)',
        unit: 'MB',
        shop: Number(terms?.bytes ?? 0) / 1048576,
        reference: Number(products?.bytes ?? 0) / 1048576,
        referenceName: 'the products table itself',
        better: 'lower',
        notes: [`≈ ${Number(terms?.n ?? 0).toLocaleString('en')} term rows (information_schema estimate)`],
      }),
    );
    return figures;
  } finally {
    await persistence.close();
    await db.drop();
  }
}
