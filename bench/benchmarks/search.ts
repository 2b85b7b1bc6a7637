// search: N generated products (default 1,000,000 on MySQL, 100,000 on SQLite; `--rows N`, `--backend sqlite`), mixed
// Chinese and English, written to a CSV and imported by `npm run import` itself (dist/scripts/import.js, its own
// process: streaming parse, validation, batches, the index kept in each batch's transaction) in two parts: the
// first tenth, then the rest. After each part, p50/p95 of the catalog's search use case for four kinds of query; after
// the last, the same against the old `LOWER(col) LIKE '%q%'` listing + COUNT on the same data. Also the import rate,
// the importer's peak RSS, the index's size and how much the rare-word searches grew from N/10 to N rows.
// Searches run in this process on the shop's own code (use case → adapter → database), without HTTP.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { createPersistence } from '../../infrastructure/persistence/create-persistence';
import { benchCatalog } from '../support/bench-catalog';
import { ABSENT, COMMON, RARE_CHINESE, RARE_LATIN, writeCatalogCsv } from '../support/catalog-file';
import { percentile } from '../support/db-wait';
import { profilingArgs } from '../support/profiling';
import { Figure, figure } from '../support/figures';
import { runImportCli } from '../support/import-process';
import { createDatabase } from '../support/services';
import { BenchContext } from '../support/world';

type Backend = 'mysql' | 'sqlite';

const CASES: Array<{ name: string; q: string; rare: boolean; target: string }> = [
  { name: 'Latin word in 0.1% of rows', q: RARE_LATIN, rare: true, target: 'p95 ≤ 30 ms, ≥ 50× LIKE' },
  { name: 'Chinese 2-char word in 0.1%', q: RARE_CHINESE, rare: true, target: 'p95 ≤ 30 ms, ≥ 50× LIKE' },
  { name: 'common word in 30% (first page)', q: COMMON, rare: false, target: 'p95 ≤ 60 ms, ≥ 50× LIKE' },
  { name: 'term in no rows', q: ABSENT, rare: false, target: 'p95 ≤ 30 ms, ≥ 50× LIKE' },
];
const SEARCHES = 200;

function flag(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
}

function backendSetting(): Backend {
  const raw = flag('--backend') ?? process.env.BENCH_SEARCH_BACKEND ?? 'mysql';
  if (raw !== 'mysql' && raw !== 'sqlite') throw new Error('--backend must be mysql or sqlite');
  return raw;
}

function rowsSetting(backend: Backend): number {
  const raw = flag('--rows') ?? process.env.BENCH_SEARCH_ROWS;
  const rows = Number(raw ?? (backend === 'mysql' ? 1_000_000 : 100_000));
  if (!Number.isSafeInteger(rows) || rows < 10_000) throw new Error('--rows must be an integer of at least 10000');
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

/** The database under test: where the import writes, the old LIKE query, sizes, and its removal. */
interface Store {
  importEnv: Record<string, string>;
  persistenceOptions: { databaseUrl?: string; sqlitePath: string };
  like(q: string): Promise<void>;
  sizes(): Promise<{ indexMb: number; productsMb: number; note: string }>;
  drop(): Promise<void>;
}

const LIKE_WHERE = 'visible = 1 AND (LOWER(title) LIKE ? OR LOWER(sku) LIKE ? OR LOWER(description) LIKE ?)';

async function mysqlStore(ctx: BenchContext, dir: string): Promise<Store> {
  const db = await createDatabase(ctx.settings.databaseUrl, 'tb_bench_search', ctx.settings.keep);
  return {
    importEnv: { DATABASE_URL: db.url, DATA_DIR: dir },
    persistenceOptions: { databaseUrl: db.url, sqlitePath: ':memory:' },
    async like(q) {
      const p = `%${q.toLowerCase()}%`;
      await db.pool.query(`SELECT * FROM products WHERE ${LIKE_WHERE} ORDER BY id LIMIT 20`, [p, p, p]);
      await db.pool.query(`SELECT COUNT(*) AS n FROM products WHERE ${LIKE_WHERE}`, [p, p, p]);
    },
    async sizes() {
      await db.pool.query('ANALYZE TABLE products, product_search_terms');
      const [rows] = await db.pool.query(
        `SELECT table_name AS t, data_length + index_length AS bytes, table_rows AS n FROM information_schema.tables
         WHERE table_schema = DATABASE() AND table_name IN ('products', 'product_search_terms')`,
      );
      const size = new Map((rows as Array<{ t: string; bytes: number; n: number }>).map((r) => [r.t, r]));
      const terms = size.get('product_search_terms');
      return {
        indexMb: Number(terms?.bytes ?? 0) / 1048576,
        productsMb: Number(size.get('products')?.bytes ?? 0) / 1048576,
        note: `≈ ${Number(terms?.n ?? 0).toLocaleString('en')} term rows (information_schema estimate)`,
      };
    },
    drop: () => db.drop(),
  };
}

function sqliteStore(dir: string): Store {
  const file = join(dir, 'tillbot.sqlite');
  let db: Database.Database | null = null;
  const open = () => (db ??= new Database(file, { readonly: true }));
  return {
    importEnv: { SQLITE_PATH: file, DATA_DIR: dir },
    persistenceOptions: { sqlitePath: file },
    async like(q) {
      const p = `%${q.toLowerCase()}%`;
      open().prepare(`SELECT * FROM products WHERE ${LIKE_WHERE} ORDER BY id LIMIT 20`).all(p, p, p);
      open().prepare(`SELECT COUNT(*) AS n FROM products WHERE ${LIKE_WHERE}`).get(p, p, p);
    },
    async sizes() {
      const page = (open().pragma('page_size', { simple: true }) as number) / 1048576;
      const pagesOf = (name: string): number => {
        try {
          return (open().prepare('SELECT COUNT(*) AS n FROM dbstat WHERE name = ?').get(name) as { n: number }).n;
        } catch {
          return NaN; // dbstat not compiled in
        }
      };
      const indexMb = (pagesOf('product_search_terms') + pagesOf('ux_product_search_terms_product')) * page;
      return { indexMb, productsMb: pagesOf('products') * page, note: `database file ${(statSync(file).size / 1048576).toFixed(0)} MB` };
    },
    async drop() {
      db?.close();
    },
  };
}

export async function search(ctx: BenchContext): Promise<Figure[]> {
  const backend = backendSetting();
  const rows = rowsSetting(backend);
  const firstPart = Math.floor(rows / 10);
  const dir = mkdtempSync(join(tmpdir(), 'tillbot-bench-search-'));
  const store = backend === 'mysql' ? await mysqlStore(ctx, dir) : sqliteStore(dir);
  const importLog = join(dir, 'import.log');
  const label = `${rows.toLocaleString('en')} rows, ${backend}`;
  try {
    const parts = [
      { file: join(dir, 'catalog-1.csv'), from: 0, to: firstPart },
      { file: join(dir, 'catalog-2.csv'), from: firstPart, to: rows },
    ];
    for (const part of parts) await writeCatalogCsv(part.file, part.from, part.to);
    ctx.log(`search: ${backend}: catalog files written (${parts.map((p) => `${(statSync(p.file).size / 1048576).toFixed(0)} MB`).join(' + ')})`);
    let importSeconds = 0;
    let peakRss = 0;
    const rare = new Map<string, number>();
    const figures: Figure[] = [];
    for (const [i, part] of parts.entries()) {
      ctx.log(`search: npm run import ${part.to - part.from} rows (${part.from}..${part.to})`);
      const run = await runImportCli(part.file, store.importEnv, importLog, profilingArgs(`import-${i + 1}`));
      importSeconds += run.seconds;
      peakRss = Math.max(peakRss, run.peakRssMb);
      ctx.log(
        `search: imported in ${run.seconds.toFixed(1)} s (${Math.round((part.to - part.from) / run.seconds)} rows/s, peak RSS ${run.peakRssMb.toFixed(0)} MB)`,
      );
      const last = i === parts.length - 1;
      const persistence = createPersistence({ ...store.persistenceOptions, logger: { warn: () => undefined, error: () => undefined }, poolSize: 2 });
      try {
        const catalog = benchCatalog(persistence);
        const likeTimes = Math.max(3, Math.min(20, Math.round(2_000_000 / rows)));
        for (const c of CASES) {
          const found = await catalog.browseProducts({ q: c.q, pageSize: 20 });
          if (!found.ok) throw new Error(`search for ${c.q} failed: ${found.error.message}`);
          const matches = `${found.value.total}${found.value.totalCapped ? '+' : ''}`;
          const ours = await timed(SEARCHES, () => catalog.browseProducts({ q: c.q, pageSize: 20 }));
          ctx.log(`search: ${part.to} rows: ${c.name}: ${matches} found, p50 ${ours.p50.toFixed(2)} ms, p95 ${ours.p95.toFixed(2)} ms`);
          if (!last) {
            if (c.rare) rare.set(c.q, ours.p95);
            continue;
          }
          const old = await timed(likeTimes, () => store.like(c.q));
          const notes = [
            `q=${c.q}: ${matches} matches; ${(old.p95 / ours.p95).toFixed(0)}× faster than LIKE at p95; LIKE measured ${likeTimes}×, search ${SEARCHES}×`,
          ];
          const before = rare.get(c.q);
          if (before !== undefined)
            notes.push(`p95 at ${firstPart.toLocaleString('en')} rows ${before.toFixed(2)} ms: growth ×${(ours.p95 / before).toFixed(2)} (target ≤ 2×)`);
          figures.push(
            figure({
              benchmark: 'search',
              figure: `${c.name} (${label}), p95`,
              unit: 'ms',
              shop: ours.p95,
              reference: old.p95,
              referenceName: 'LIKE listing + COUNT',
              better: 'lower',
              p50: ours.p50,
              refP50: old.p50,
              target: c.target,
              notes,
            }),
          );
        }
      } finally {
        await persistence.close();
      }
    }
    const size = await store.sizes();
    figures.push(
      figure({
        benchmark: 'search',
        figure: `npm run import, the index kept (${label})`,
        unit: 'rows/s',
        shop: rows / importSeconds,
        reference: null,
        referenceName: null,
        better: 'higher',
        target: '≥ 5,000 rows/s, RSS ≤ 300 MB',
        notes: [`${importSeconds.toFixed(1)} s for both parts (each checked, then written); the importer's peak RSS ${peakRss.toFixed(0)} MB`],
      }),
      figure({
        benchmark: 'search',
        figure: `index size on disk (product_search_terms, data + keys; ${label})`,
        unit: 'MB',
        shop: size.indexMb,
        reference: size.productsMb,
        referenceName: 'the products table itself',
        better: 'lower',
        notes: [size.note],
      }),
    );
    return figures;
  } finally {
    await store.drop();
    if (!ctx.settings.keep) rmSync(dir, { recursive: true, force: true });
    else ctx.log(`search: kept ${dir}`);
  }
}
