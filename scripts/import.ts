// `npm run import -- products.csv|products.yaml [--dry-run]`: imports a catalog file into the configured database
// with a progress bar (rate, ETA). Every row is checked first; any bad row is listed (line, column, reason) and
// nothing is written. A real run commits batch by batch; run it again on the same file to resume after a stop.
// package.json runs it with a small V8 heap (--max-old-space-size=192, --max-semi-space-size=2): the live data is a
// batch or two and the file's SKUs (~50 bytes each), and without a cap V8 lets garbage grow the heap to 400 MB on a
// million rows. A file of several million rows needs more: `node --max-old-space-size=1024 dist/scripts/import.js …`.
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { MultiBar, Presets } from 'cli-progress';
import { ImportJob, ImportProgress, importFormatOf } from '../domain/catalog';
import { loadConfig } from '../infrastructure/config/config';
import { ConfigError } from '../infrastructure/config/env-parsers';
import { composeApp } from '../infrastructure/composition/compose-app';
import { createLogger } from '../infrastructure/logging/logger';
import { openImportFile } from '../infrastructure/catalog-import/temp-import-files';

const USAGE = 'usage: npm run import -- <products.csv|products.yaml> [--dry-run]';

function progressBar(): { update(progress: ImportProgress): void; stop(): void } {
  const bars = new MultiBar(
    { format: '{phase} |{bar}| {value}/{total} rows · {rate} rows/s · ETA {eta_formatted}', hideCursor: true, etaBuffer: 50, clearOnComplete: false },
    Presets.shades_classic,
  );
  const started = Date.now();
  let bar: ReturnType<MultiBar['create']> | null = null;
  let phase = '';
  return {
    update(progress) {
      const label = progress.phase === 'checking' ? 'checking' : 'writing ';
      if (label !== phase || !bar) {
        bar?.stop();
        phase = label;
        bar = bars.create(progress.total ?? progress.done, 0, { phase: label, rate: 0 });
      }
      if (progress.total === null) bar.setTotal(progress.done);
      else bar.setTotal(progress.total);
      bar.update(progress.done, { rate: Math.round(progress.done / Math.max((Date.now() - started) / 1000, 0.001)) });
    },
    stop: () => bars.stop(),
  };
}

function printReport(job: ImportJob): void {
  const c = job.counts;
  const verb = job.dryRun ? 'would create' : 'created';
  console.log(`\n${job.fileName}: ${job.status} — ${c.rows} rows, ${c.valid} valid, ${c.invalid} bad`);
  if (job.status === 'DONE' || job.status === 'CHECKED') {
    console.log(`${verb} ${c.created}, ${job.dryRun ? 'would change' : 'changed'} ${c.updated}, unchanged ${c.unchanged}, codes added ${c.codesAdded}`);
  }
  for (const p of job.problems) console.log(`line ${p.line}, ${p.field}: ${p.reason}`);
  if (c.invalid > job.problems.length) console.log(`… and more: only the first ${job.problems.length} problems are listed`);
  if (job.failure) console.log(`stopped: ${job.failure}${job.status === 'FAILED' ? ' (import the same file again to resume)' : ''}`);
  if (!job.dryRun) console.log(`import ${job.id}`);
}

async function run(args: string[]): Promise<number> {
  const dryRun = args.includes('--dry-run');
  const files = args.filter((a) => !a.startsWith('--'));
  const path = files[0];
  if (files.length !== 1 || !path || args.some((a) => a.startsWith('--') && a !== '--dry-run')) {
    console.error(USAGE);
    return 2;
  }
  if (!existsSync(path)) {
    console.error(`no such file: ${path}`);
    return 2;
  }
  const format = importFormatOf(path);
  if (!format.ok) {
    console.error(`${path}: ${format.error.message}`);
    return 2;
  }
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig(process.env);
  // No payment gateway: an import takes no payments, and the shop's own sandbox may already hold SANDBOX_PORT.
  const app = await composeApp(
    { ...config, roles: config.roles.filter((role) => role !== 'sandbox') },
    createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel),
  );
  const bar = progressBar();
  try {
    const result = await app.shop.catalog.importCatalog(openImportFile(path, basename(path), format.value), { dryRun, onProgress: (p) => bar.update(p) });
    bar.stop();
    if (!result.ok) {
      console.error(result.error.message);
      return 1;
    }
    printReport(result.value);
    return result.value.status === 'DONE' || result.value.status === 'CHECKED' ? 0 : 1;
  } finally {
    bar.stop();
    await app.close();
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    console.error(e instanceof ConfigError ? `tillbot: configuration error: ${e.message}` : `import failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(2);
  },
);
