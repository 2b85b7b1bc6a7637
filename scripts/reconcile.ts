// `npm run reconcile`: proves the money invariants on the configured database; prints each discrepancy and exits
// non-zero when there is one. With the provider configured (or the sandbox reachable) it also compares recent
// payments with what the provider says.
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { reconcileReport } from '../domain/reporting';
import { loadConfig } from '../infrastructure/config/config';
import { ConfigError } from '../infrastructure/config/env-parsers';
import { createLogger } from '../infrastructure/logging/logger';
import { SqlConsistencyChecks } from '../infrastructure/persistence/reporting/consistency-queries';
import { createPersistence } from '../infrastructure/persistence/create-persistence';
import { providersForReconcile } from '../infrastructure/payment/reconcile-provider';

async function run(): Promise<number> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig(process.env);
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const persistence = createPersistence({ databaseUrl: config.databaseUrl, sqlitePath: config.sqlitePath, logger });
  try {
    await persistence.migrate();
    const providers = await providersForReconcile(config);
    const sample = Number(process.env.RECONCILE_PROVIDER_SAMPLE ?? 200);
    const report = await reconcileReport({
      checks: new SqlConsistencyChecks(persistence.dataSource),
      providers,
      providerSampleSize: Number.isFinite(sample) ? sample : 200,
    });
    const found = report.discrepancies;
    for (const d of found) console.log(`${d.check}: ${d.detail}`);
    // Each currency its own book: the shop's money and Telegram Stars are never summed.
    for (const l of report.ledgers)
      console.log(`${l.currency}: paid in ${l.paidIn} (${l.payments} payments), refunded ${l.refunded} (${l.refunds} refunds), held ${l.held}`);
    const dup = report.duplicatePayments;
    if (dup.total > 0) console.log(`duplicate payments: ${dup.total} (refunded ${dup.refunded}, refunding ${dup.refunding}, failed ${dup.failed})`);
    console.log(
      found.length === 0
        ? `reconcile: clean (${persistence.kind}${providers.length > 0 ? `, checked against ${providers.map((p) => p.name).join(' and ')}` : ', provider not checked'})`
        : `reconcile: ${found.length} discrepancies`,
    );
    return found.length === 0 ? 0 : 1;
  } finally {
    await persistence.close();
  }
}

run().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e instanceof ConfigError ? `tillbot: configuration error: ${e.message}` : `reconcile failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(2);
  },
);
