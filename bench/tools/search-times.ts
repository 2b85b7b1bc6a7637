// The search benchmark's four queries, timed again on a database an earlier `npm run bench -- search` kept
// (`BENCH_KEEP=1`): re-measures search after a change to the search code without importing again (an import of 1M
// rows is the long part of that benchmark). Same use case, same queries, 200 searches each after one warm-up.
//
//   node -r ./scripts/ts-register.js bench/tools/search-times.ts mysql://root@127.0.0.1:3306/tb_bench_search_…
import { performance } from 'node:perf_hooks';
import { createPersistence } from '../../infrastructure/persistence/create-persistence';
import { benchCatalog } from '../support/bench-catalog';
import { ABSENT, COMMON, RARE_CHINESE, RARE_LATIN } from '../support/catalog-file';
import { percentile } from '../support/db-wait';

const SEARCHES = 200;

async function main(): Promise<void> {
  const databaseUrl = process.argv[2];
  if (!databaseUrl) throw new Error('usage: search-times.ts <mysql URL of a kept bench database>');
  const persistence = createPersistence({ databaseUrl, sqlitePath: '', logger: { warn: () => undefined, error: () => undefined }, poolSize: 2 });
  try {
    const catalog = benchCatalog(persistence);
    for (const q of [RARE_LATIN, RARE_CHINESE, COMMON, ABSENT]) {
      const search = () => catalog.browseProducts({ q, pageSize: 20 });
      const first = await search();
      if (!first.ok) throw new Error(`search for ${q} failed: ${first.error.message}`);
      const ms: number[] = [];
      for (let i = 0; i < SEARCHES; i += 1) {
        const t0 = performance.now();
        await search();
        ms.push(performance.now() - t0);
      }
      const found = `${first.value.total}${first.value.totalCapped ? '+' : ''}`;
      console.log(`${q}: ${found} found, p50 ${percentile(ms, 50).toFixed(2)} ms, p95 ${percentile(ms, 95).toFixed(2)} ms`);
    }
  } finally {
    await persistence.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
