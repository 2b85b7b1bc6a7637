// One test file's world: a fresh MySQL database, its own Redis key prefix, one standalone sandbox, the local Bot API
// (Telegram's stand-in: notices to chats nobody opened are refused at once, as Telegram does, instead of minutes of
// retries against an unreachable api.telegram.org holding the outbox run), and shop processes started from the
// sources (`node -r scripts/ts-register.js main.ts`), all torn down in afterAll.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import mysql from 'mysql2/promise';
import { startLocalBotApi } from '../../../infrastructure/telegram/local-bot-api';
import { HIGH_RATE_LIMITS } from '../../support/high-rate-limits';
import { startRedisCluster, type TestRedisCluster } from '../../support/redis-cluster';
import { TestMysqlDatabase, createTestMysqlDatabase, testRedisUrl, uniqueName } from '../../support/services';
import { ProcessGroup, RunningProcess } from './processes';
import { SandboxProcess, startSandboxProcess } from './sandbox-process';
import { FAULT_ADMIN_KEY, FAULT_BOT_TOKEN, FAULT_WEBHOOK_SECRET, ShopClient } from './shop-client';
import { freePort } from './ports';

/** Every job on the same fast schedule (six-field cron), so the tests see repairs within seconds. */
export function jobSchedules(everySeconds: number): Record<string, string> {
  const cron = `*/${everySeconds} * * * * *`;
  return {
    JOB_OUTBOX_DISPATCH_SCHEDULE: cron,
    JOB_RETRY_DELIVERIES_SCHEDULE: cron,
    JOB_REPAIR_DROPPED_PAYMENTS_SCHEDULE: cron,
    JOB_CLOSE_EXPIRED_ORDERS_SCHEDULE: cron,
    JOB_RETRY_PREPAY_SCHEDULE: cron,
    JOB_SYNC_REFUNDS_SCHEDULE: cron,
    JOB_REFRESH_PLATFORM_CERTIFICATES_SCHEDULE: cron,
    JOB_INDEX_MISSING_SEARCH_TERMS_SCHEDULE: cron,
    JOB_REWARD_REFERRALS_SCHEDULE: cron,
    JOB_REMIND_UNANSWERED_TICKETS_SCHEDULE: cron,
    JOB_CANCEL_UNCONFIRMED_SELLER_ORDERS_SCHEDULE: cron,
    JOB_COMPLETE_SHIPPED_ORDERS_SCHEDULE: cron,
    JOB_PRUNE_CHECKOUT_FAILURES_SCHEDULE: cron,
  };
}

export interface ShopOptions {
  name: string;
  /** Defaults to the world's database; a proxy's URL to cut this shop off. */
  databaseUrl?: string;
  redisUrl?: string;
  env?: Record<string, string>;
}

export interface ShopProcess {
  name: string;
  port: number;
  base: string;
  client: ShopClient;
  proc: RunningProcess;
  /** Starts the same shop again (same port, data dir and settings) after it was stopped. */
  restart(): Promise<void>;
}

export interface FaultWorld {
  dir: string;
  group: ProcessGroup;
  mysql: TestMysqlDatabase;
  /** The one Redis of the test run (the shops use it unless the world has a cluster). */
  redisUrl: string;
  /** The world's own three-master Redis Cluster, when it was started with `redis: 'cluster'`: the shops' Redis. */
  redisCluster: TestRedisCluster | undefined;
  redisPrefix: string;
  sandbox: SandboxProcess;
  /** Direct reads for the assertions (counts of rows), on the shops' own database. */
  db: mysql.Pool;
  startShop(options: ShopOptions): Promise<ShopProcess>;
  /** `scripts/reconcile.ts` as `npm run reconcile` runs it, against this database and the sandbox. */
  reconcile(): Promise<{ code: number | null; output: string }>;
  /** Every process's recent output, for a failure message. */
  outputs(): string;
  close(): Promise<void>;
}

const READY = /tillbot is open at (http:\/\/\S+)/;

export async function startFaultWorld(name: string, options: { sandboxTimeScale: number; redis?: 'redis' | 'cluster' }): Promise<FaultWorld> {
  const redisUrl = testRedisUrl();
  if (!redisUrl) throw new Error('the fault suites need Redis');
  let cluster: TestRedisCluster | undefined;
  const redisEnv = (shop: ShopOptions): Record<string, string> =>
    cluster && !shop.redisUrl
      ? { REDIS_URL: '', REDIS_CLUSTER_NODES: cluster.target.nodes.map((n) => `${n.host}:${n.port}`).join(',') }
      : { REDIS_URL: shop.redisUrl ?? redisUrl };
  const dir = mkdtempSync(join(tmpdir(), `tillbot-${name}-`));
  const group = new ProcessGroup();
  const redisPrefix = `${uniqueName(`tbf_${name}`)}:`;
  let database: TestMysqlDatabase | null = null;
  let db: mysql.Pool | null = null;
  const telegram = await startLocalBotApi({ token: FAULT_BOT_TOKEN, driverHttp: false });
  try {
    if (options.redis === 'cluster') cluster = await startRedisCluster();
    database = await createTestMysqlDatabase();
    db = mysql.createPool({ uri: database.url, connectionLimit: 3, supportBigNumbers: true, bigNumberStrings: false });
    const sandbox = await startSandboxProcess(group, dir, { timeScale: options.sandboxTimeScale });
    const mysqlDb = database;
    const pool = db;

    const shopEnv = (shop: ShopOptions, port: number, dataDir: string): Record<string, string> => ({
      TILLBOT_ROLES: 'api,jobs',
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATA_DIR: dataDir,
      DATABASE_URL: shop.databaseUrl ?? mysqlDb.url,
      ...redisEnv(shop),
      REDIS_KEY_PREFIX: redisPrefix,
      ADMIN_API_KEY: FAULT_ADMIN_KEY,
      WEBHOOK_SIGNING_SECRET: FAULT_WEBHOOK_SECRET,
      // The merchant's fulfilment endpoint of these tests listens on 127.0.0.1.
      WEBHOOK_ALLOW_PRIVATE: 'true',
      TELEGRAM_BOT_TOKEN: FAULT_BOT_TOKEN,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      LOG_LEVEL: 'info',
      ...HIGH_RATE_LIMITS,
      PAYMENT_FIRST_CHECK_SECONDS: '2',
      ...jobSchedules(2),
      ...sandbox.merchantEnv(),
      ...shop.env,
    });

    return {
      dir,
      group,
      mysql: mysqlDb,
      redisUrl,
      redisCluster: cluster,
      redisPrefix,
      sandbox,
      db: pool,
      async startShop(shop) {
        const port = await freePort();
        const dataDir = join(dir, shop.name);
        mkdirSync(dataDir, { recursive: true });
        const env = shopEnv(shop, port, dataDir);
        const launch = async (): Promise<RunningProcess> => {
          const proc = group.start(shop.name, 'main.ts', env, dataDir);
          // A busy machine (CI beside other work) can take a minute or more to start a shop process and migrate.
          await proc.waitForLine(READY, 180_000);
          return proc;
        };
        const handle: ShopProcess = {
          name: shop.name,
          port,
          base: `http://127.0.0.1:${port}`,
          client: new ShopClient(`http://127.0.0.1:${port}`),
          proc: await launch(),
          async restart() {
            if (handle.proc.running) throw new Error(`${shop.name} is still running; kill it first`);
            handle.proc = await launch();
          },
        };
        return handle;
      },
      reconcile: () =>
        group.run(
          'reconcile',
          'scripts/reconcile.ts',
          { DATABASE_URL: mysqlDb.url, DATA_DIR: join(dir, 'reconcile'), LOG_LEVEL: 'warn', RECONCILE_PROVIDER_SAMPLE: '5000', ...sandbox.merchantEnv() },
          dir,
          120_000,
        ),
      outputs: () => group.outputs(),
      async close() {
        await group.killAll();
        await pool.end().catch(() => undefined);
        await mysqlDb.drop().catch(() => undefined);
        if (cluster) await cluster.stop();
        else await deleteKeys(redisUrl, redisPrefix).catch(() => undefined);
        await telegram.close().catch(() => undefined);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await group.killAll();
    await db?.end().catch(() => undefined);
    await database?.drop().catch(() => undefined);
    await cluster?.stop();
    await telegram.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

async function deleteKeys(url: string, prefix: string): Promise<void> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      if (keys.length > 0) await client.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    client.disconnect();
  }
}

/** `npm run reconcile` on the world's database, checked against the sandbox: exit 0 and "reconcile: clean". */
export async function expectReconcileClean(world: FaultWorld): Promise<void> {
  const { code, output } = await world.reconcile();
  // The whole output is in the failure message: every discrepancy is one line of it.
  expect({ code, clean: /reconcile: clean \(mysql, checked against wechatpay\)/.test(output), output }).toMatchObject({ code: 0, clean: true });
}
