// `npm run reindex [-- --batch 2000]`: rebuilds the product search index from the products, in batches of short
// transactions (memory stays at one batch; the shop may keep running). Needed after restoring products written
// around the catalog (a SQL import, a hand edit) — the catalog's own writes keep the index current.
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { catalogContext } from '../domain/catalog';
import { systemClock } from '../domain/shared/clock';
import { randomIds } from '../infrastructure/ids/random-ids';
import { TempImportFiles } from '../infrastructure/catalog-import/temp-import-files';
import { dnsWebhookHostResolver } from '../infrastructure/fulfilment/webhook-target-guard';
import { loadConfig } from '../infrastructure/config/config';
import { ConfigError } from '../infrastructure/config/env-parsers';
import { createLogger } from '../infrastructure/logging/logger';
import { createPersistence } from '../infrastructure/persistence/create-persistence';

async function run(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig(process.env);
  const flag = process.argv.indexOf('--batch');
  const batch = flag > 0 ? Number(process.argv[flag + 1]) : 1000;
  if (!Number.isSafeInteger(batch) || batch < 1 || batch > 50_000) throw new ConfigError('--batch', 'must be an integer from 1 to 50000');
  const persistence = createPersistence({ databaseUrl: config.databaseUrl, sqlitePath: config.sqlitePath, logger: createLogger(config.logLevel) });
  try {
    await persistence.migrate();
    const catalog = catalogContext({
      uow: persistence.uow,
      clock: systemClock,
      ids: randomIds,
      limits: config.limits,
      importFiles: new TempImportFiles(),
      webhookTargets: { rules: config.webhookUrls, resolver: dnsWebhookHostResolver },
    });
    const started = Date.now();
    const done = await catalog.rebuildSearchIndex(batch, (n) => process.stdout.write(`\rreindex: ${n} products`));
    const seconds = (Date.now() - started) / 1000;
    console.log(`\rreindex: ${done} products in ${seconds.toFixed(1)} s (${persistence.kind})`);
  } finally {
    await persistence.close();
  }
}

run().catch((e) => {
  console.error(e instanceof ConfigError ? `tillbot: configuration error: ${e.message}` : `reindex failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
