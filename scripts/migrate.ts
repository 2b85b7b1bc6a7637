// `npm run migrate`: applies pending migrations to the configured database and exits.
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { loadConfig } from '../infrastructure/config/config';
import { ConfigError } from '../infrastructure/config/env-parsers';
import { createLogger } from '../infrastructure/logging/logger';
import { createPersistence } from '../infrastructure/persistence/create-persistence';

async function run(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig(process.env);
  const persistence = await createPersistence({ databaseUrl: config.databaseUrl, sqlitePath: config.sqlitePath, logger: createLogger(config.logLevel) });
  try {
    const applied = await persistence.migrate();
    console.log(applied.length === 0 ? `${persistence.kind}: no pending migrations` : `${persistence.kind}: applied ${applied.join(', ')}`);
  } finally {
    await persistence.close();
  }
}

run().catch((e) => {
  console.error(e instanceof ConfigError ? `tillbot: configuration error: ${e.message}` : `migrate failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
