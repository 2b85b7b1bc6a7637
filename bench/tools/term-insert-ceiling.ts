// How many products a second MariaDB itself takes into the term table, straight over mysql2, without the importer:
// the search benchmark's generated catalog, its term rows built by the shop's own termInserts (timed apart: that is
// the importer's CPU), written 10,000 products a transaction into a fresh table with the current bucketed key, or the
// key before the buckets (`--layout flat`). Tells what the database can do at best, against what the import reaches.
//
//   node -r ./scripts/ts-register.js bench/tools/term-insert-ceiling.ts [--rows 300000] [--layout bucketed|flat]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createConnection } from 'mysql2/promise';
import { SearchDocument } from '../../domain/catalog';
import { termInserts } from '../../infrastructure/persistence/catalog/search/term-rows';
import { writeCatalogCsv } from '../support/catalog-file';

const BATCH = 10_000;

function flag(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at > 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

async function main(): Promise<void> {
  const rows = Number(flag('--rows', '300000'));
  const layout = flag('--layout', 'bucketed');
  const dir = mkdtempSync(join(tmpdir(), 'tillbot-term-ceiling-'));
  const file = join(dir, 'catalog.csv');
  await writeCatalogCsv(file, 0, rows);
  // The generated text needs no CSV quoting (catalog-file.ts): a split is the parse.
  const docs: SearchDocument[] = readFileSync(file, 'utf8')
    .split('\n')
    .slice(1)
    .filter((line) => line.length > 0)
    .map((line, i) => {
      const [sku = '', , title = '', description = '', , visible] = line.split(',');
      return { productId: i + 1, visible: visible !== 'false', sku, titles: [title], descriptions: [description] };
    });
  rmSync(dir, { recursive: true, force: true });
  const db = `tb_scratch_term_ceiling_${process.pid}`;
  const conn = await createConnection({ host: '127.0.0.1', port: 3306, user: 'root', multipleStatements: false });
  await conn.query(`CREATE DATABASE ${db}`);
  await conn.query(`USE ${db}`);
  const key = layout === 'flat' ? '(visible, term, weight, product_id)' : '(visible, bucket, term, weight, product_id)';
  await conn.query(`CREATE TABLE product_search_terms (
      product_id BIGINT NOT NULL, term VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL, visible TINYINT(1) NOT NULL,
      bucket MEDIUMINT UNSIGNED NOT NULL, fields TINYINT NOT NULL, weight SMALLINT NOT NULL,
      PRIMARY KEY ${key}, UNIQUE KEY ux_product_search_terms_product (product_id, term)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`);
  let buildMs = 0;
  let writeMs = 0;
  let termRows = 0;
  try {
    for (let from = 0; from < docs.length; from += BATCH) {
      const t0 = performance.now();
      const statements = termInserts('product_search_terms', docs.slice(from, from + BATCH), 'mysql');
      const t1 = performance.now();
      await conn.query('BEGIN');
      for (const s of statements) {
        const [result] = (await conn.query(s.sql)) as unknown as [{ affectedRows: number }];
        termRows += result.affectedRows;
      }
      await conn.query('COMMIT');
      const t2 = performance.now();
      buildMs += t1 - t0;
      writeMs += t2 - t1;
      if ((from / BATCH) % 10 === 9) console.log(`${from + BATCH} products: MariaDB ${Math.round(((from + BATCH) / writeMs) * 1000)} products/s so far`);
    }
    console.log(
      `${layout}: ${docs.length} products, ${termRows} term rows; MariaDB ${Math.round((docs.length / writeMs) * 1000)} products/s ` +
        `(${Math.round((termRows / writeMs) * 1000)} rows/s); building the rows in node ${Math.round((docs.length / buildMs) * 1000)} products/s`,
    );
  } finally {
    await conn.query(`DROP DATABASE ${db}`);
    await conn.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
