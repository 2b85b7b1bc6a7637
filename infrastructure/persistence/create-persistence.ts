import { DataSource } from 'typeorm';
import { JobRunLog } from '../../domain/shared/ports/job-run-log';
import { StoreUnavailableError, UnitOfWork } from '../../domain/shared/unit-of-work';
import { ShopRepositories } from './shop-persistence';
import { AsyncMutex } from './async-mutex';
import { mysqlOptions, parseMysqlUrl, sqliteOptions } from './data-source-options';
import { Dialect } from './dialect';
import { PersistenceLogger, consoleLogger } from './persistence-logger';
import { describeStoreFailure, isConnectionFailure } from './store-errors';
import { TypeormJobRunLog } from './job-runs/typeorm-job-run-log';
import { PlatformCertificateStore } from '../payment/wechatpay/platform-key-refresher';
import { TypeormPlatformCertificateStore } from './payment/platform-certificate-store';
import { OutboxBacklog, readOutboxBacklog } from './outbox/outbox-backlog';
import { TypeormUnitOfWork } from './typeorm-unit-of-work';
import { ChangeNotices, ProductReadCache } from './catalog/product-read-cache';

export interface PersistenceOptions {
  /** `mysql://user:pass@host:port/db`; unset or empty → the embedded SQLite file at `sqlitePath`. */
  databaseUrl?: string;
  sqlitePath: string;
  logger?: PersistenceLogger;
  /** MySQL connections in the pool (default 10). */
  poolSize?: number;
  /** How long a new MySQL connection may take (default 5000 ms). */
  connectTimeoutMs?: number;
  /** Extra runs of a unit of work after a deadlock / lock-wait timeout (default 3). */
  conflictRetries?: number;
  /** How long SQLite waits for another process's write lock (default 5000 ms). */
  sqliteBusyTimeoutMs?: number;
  /** Serve the catalog's plain reads from memory (ttlMs > 0), emptied on product writes here and by `notices`. */
  productCache?: { ttlMs: number; notices: ChangeNotices };
}

export interface Persistence {
  kind: Dialect;
  /** Connected on first use (uow.run, migrate, ping); await `migrate()` or `ping()` at start-up. */
  dataSource: DataSource;
  uow: UnitOfWork<ShopRepositories>;
  /** Job runs, recorded outside any unit of work (never call it inside uow.run); errors are thrown to the caller. */
  jobRuns: JobRunLog;
  /** WeChat Pay platform certificates learned at run time, shared by every instance (outside any unit of work). */
  platformCertificates: PlatformCertificateStore;
  /** Applies pending migrations, each in its own transaction; returns their names (empty when up to date). */
  migrate(): Promise<string[]>;
  /** True when the database answers a trivial query within a few seconds; never throws. */
  ping(): Promise<boolean>;
  /** PENDING / DEAD outbox counts and the oldest due message, outside any unit of work (the metrics scrape). */
  outboxBacklog(now: Date): Promise<OutboxBacklog>;
  close(): Promise<void>;
  /** The product read cache's version and lifetime, for caches built on its reads (the API's catalog bodies); null: no cache. */
  catalogReads: Pick<ProductReadCache, 'ttlMs' | 'version'> | null;
}

const PING_TIMEOUT_MS = 3000;

export function createPersistence(options: PersistenceOptions): Persistence {
  const logger = options.logger ?? consoleLogger;
  const databaseUrl = options.databaseUrl?.trim();
  const mysqlTarget = databaseUrl ? parseMysqlUrl(databaseUrl) : null;
  const kind: Dialect = mysqlTarget ? 'mysql' : 'sqlite';
  const dataSource = new DataSource(
    mysqlTarget
      ? mysqlOptions(mysqlTarget, options.poolSize ?? 10, options.connectTimeoutMs ?? 5000)
      : sqliteOptions(options.sqlitePath, options.sqliteBusyTimeoutMs ?? 5000),
  );

  let connecting: Promise<void> | null = null;
  let closed = false;
  const ensureReady = async (): Promise<void> => {
    if (closed) throw new StoreUnavailableError('the persistence layer has been closed');
    if (dataSource.isInitialized) return;
    // One connect attempt at a time; a failed one is forgotten so the next call tries again (the DB may come back).
    connecting ??= dataSource.initialize().then(
      () => undefined,
      (error: unknown) => {
        connecting = null;
        throw error;
      },
    );
    await connecting;
  };

  const productCache = options.productCache && options.productCache.ttlMs > 0 ? new ProductReadCache(options.productCache) : undefined;
  const uow = new TypeormUnitOfWork({ dataSource, dialect: kind, logger, ensureReady, conflictRetries: options.conflictRetries ?? 3, productCache });
  const jobRuns = new TypeormJobRunLog(dataSource, uow);
  const platformCertificates = new TypeormPlatformCertificateStore(dataSource, uow, kind);
  const migrationQueue = new AsyncMutex();

  async function migrate(): Promise<string[]> {
    try {
      await ensureReady();
      const applied = await migrationQueue.runExclusive(() =>
        mysqlTarget ? withMysqlMigrationLock(dataSource, mysqlTarget.database, runMigrations) : runMigrations(),
      );
      return applied;
    } catch (error) {
      if (isConnectionFailure(error)) throw new StoreUnavailableError(`cannot migrate: ${describeStoreFailure(error, mysqlTarget)}`, error);
      throw error;
    }
  }

  async function runMigrations(): Promise<string[]> {
    const migrations = await dataSource.runMigrations({ transaction: 'each' });
    return migrations.map((migration) => migration.name);
  }

  async function ping(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), PING_TIMEOUT_MS);
      timer.unref();
    });
    const probe = (async () => {
      await ensureReady();
      await dataSource.query('SELECT 1');
      return true;
    })().catch(() => false);
    try {
      return await Promise.race([probe, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async function close(): Promise<void> {
    closed = true;
    productCache?.close();
    await connecting?.catch(() => undefined);
    if (dataSource.isInitialized) await dataSource.destroy();
  }

  const outboxBacklog = (now: Date): Promise<OutboxBacklog> =>
    uow.runOutsideTransaction(async () => {
      await ensureReady();
      return readOutboxBacklog(dataSource.manager, now);
    });

  return { kind, dataSource, uow, jobRuns, platformCertificates, migrate, ping, outboxBacklog, close, catalogReads: productCache ?? null };
}

/** Two instances starting together must not both create the tables: a MySQL named lock serialises them. */
async function withMysqlMigrationLock(dataSource: DataSource, database: string, task: () => Promise<string[]>): Promise<string[]> {
  const lockName = `tillbot:migrate:${database}`.slice(0, 64);
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    const rows: unknown = await runner.query('SELECT GET_LOCK(?, 60) AS locked', [lockName]);
    const locked = Array.isArray(rows) ? Number((rows[0] as { locked?: unknown } | undefined)?.locked) : 0;
    if (locked !== 1) throw new Error('another instance held the migration lock for 60 s; run the migrations again');
    try {
      return await task();
    } finally {
      await runner.query('SELECT RELEASE_LOCK(?)', [lockName]);
    }
  } finally {
    await runner.release();
  }
}
