// One benchmark's world: a fresh database, its own Redis key prefix and data folder, the shop processes it starts;
// everything is stopped, dropped and deleted when the benchmark ends, whatever happened.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BotApiStub } from './bot-api-stub';
import { BenchSettings } from './settings';
import { BenchDatabase, createDatabase, deleteRedisKeys, uniqueName } from './services';
import { ShopProcess, startShop } from './shop-process';

export interface BenchContext {
  settings: BenchSettings;
  botApi: BotApiStub;
  log(line: string): void;
}

export interface World {
  db: BenchDatabase;
  dataDir: string;
  redisPrefix: string;
  startShop(options?: { env?: Record<string, string>; nodeArgs?: string[]; port?: number; name?: string }): Promise<ShopProcess>;
}

export async function withWorld<T>(ctx: BenchContext, name: string, work: (world: World) => Promise<T>): Promise<T> {
  const { settings } = ctx;
  const db = await createDatabase(settings.databaseUrl, `tb_bench_${name.replace(/-/g, '_')}`, settings.keep);
  const dataDir = mkdtempSync(join(tmpdir(), `tillbot-bench-${name}-`));
  const redisPrefix = `${uniqueName(`tbb_${name}`)}:`;
  const shops: ShopProcess[] = [];
  try {
    return await work({
      db,
      dataDir,
      redisPrefix,
      async startShop(options = {}) {
        const shop = await startShop({
          name: options.name ?? name,
          databaseUrl: db.url,
          redisUrl: settings.redisUrl,
          redisPrefix,
          dataDir,
          botApiRoot: ctx.botApi.root,
          ...(options.env ? { env: options.env } : {}),
          ...(options.nodeArgs ? { nodeArgs: options.nodeArgs } : {}),
          ...(options.port ? { port: options.port } : {}),
        });
        shops.push(shop);
        return shop;
      },
    });
  } catch (e) {
    const outputs = shops.map((s) => s.output()).join('\n');
    if (outputs) ctx.log(outputs);
    throw e;
  } finally {
    for (const shop of shops) await shop.stop().catch(() => undefined);
    await db.drop().catch((e: Error) => ctx.log(`could not drop ${db.name}: ${e.message}`));
    if (!settings.keep) {
      await deleteRedisKeys(settings.redisUrl, redisPrefix).catch(() => undefined);
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
}
