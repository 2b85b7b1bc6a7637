// typeorm options for the two engines. Both: hand-written migrations only (never synchronize), no typeorm logging
// (expected duplicate-key errors are values here, not noise), entities as EntitySchema.
import { closeSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import mysql2 from 'mysql2';
import { DataSourceOptions } from 'typeorm';
import { SQLITE_FOLD_FUNCTION, foldText } from './dialect';
import { SHOP_ENTITIES } from './shop-persistence';
import { MYSQL_MIGRATIONS } from './migrations/mysql';
import { SQLITE_MIGRATIONS } from './migrations/sqlite';

const COMMON = {
  entities: SHOP_ENTITIES,
  synchronize: false,
  migrationsRun: false,
  migrationsTableName: 'migrations',
  migrationsTransactionMode: 'each',
  logging: false,
} as const;

export interface MysqlTarget {
  host: string;
  port: number;
  username: string;
  password: string;
  database: string;
}

/** `mysql://user:pass@host:port/db` (also `mariadb://`), with the credentials URL-decoded. */
export function parseMysqlUrl(databaseUrl: string): MysqlTarget {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    throw new Error('DATABASE_URL is not a valid URL (expected mysql://user:pass@host:port/db)');
  }
  if (url.protocol !== 'mysql:' && url.protocol !== 'mariadb:') {
    throw new Error(`DATABASE_URL must start with mysql:// (got ${url.protocol}//); leave it unset for the embedded SQLite`);
  }
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!database) throw new Error('DATABASE_URL names no database (expected mysql://user:pass@host:port/db)');
  return {
    host: url.hostname || '127.0.0.1',
    port: url.port ? Number(url.port) : 3306,
    username: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database,
  };
}

// Set once per pooled connection, before its first statement (mysql2 queues commands per connection), instead of a
// SET TRANSACTION round trip before every START TRANSACTION. Plain reads in autocommit read committed rows too.
const SESSION_SETUP = 'SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED';

/** mysql2 as typeorm's driver, with every connection the pool opens set up by SESSION_SETUP. */
const mysqlDriver = {
  ...mysql2,
  createPool(config: mysql2.PoolOptions): mysql2.Pool {
    const pool = mysql2.createPool(config);
    pool.on('connection', (connection) => {
      // typeorm asks for mysql2's promise wrapper before EVERY statement, and mysql2 builds it anew each time: a
      // require() resolved by path plus a new EventEmitter (~3% of the shop's CPU under the order load, profiled).
      // The wrapper holds nothing but this connection, so one per pooled connection serves all its statements.
      const wrapper = connection.promise();
      connection.promise = () => wrapper;
      connection.query(SESSION_SETUP, (error) => {
        // A connection without the isolation level must not serve a transaction: drop it (the pool opens another).
        if (error) connection.destroy();
      });
    });
    return pool;
  },
};

export function mysqlOptions(target: MysqlTarget, poolSize: number, connectTimeoutMs: number): DataSourceOptions {
  return {
    ...COMMON,
    // 'mysql' for MariaDB too: one code path (no RETURNING variants), the one the contract tests run.
    type: 'mysql',
    driver: mysqlDriver,
    ...target,
    charset: 'utf8mb4',
    connectTimeout: connectTimeoutMs,
    poolSize,
    supportBigNumbers: true,
    bigNumberStrings: true,
    migrations: MYSQL_MIGRATIONS,
    // trace: false — mysql2's promise API (typeorm's) otherwise captures a stack for every statement (3–7% of the
    // shop's CPU on the hot paths); a failed statement still throws typeorm's QueryFailedError with its own stack.
    extra: { waitForConnections: true, queueLimit: 0, enableKeepAlive: true, trace: false },
  };
}

export function sqliteOptions(sqlitePath: string, busyTimeoutMs: number): DataSourceOptions {
  if (sqlitePath !== ':memory:') {
    mkdirSync(path.dirname(path.resolve(sqlitePath)), { recursive: true, mode: 0o700 });
    // Made 0600 before SQLite opens it: SQLite gives the -wal and -shm files the database file's own mode.
    closeSync(openSync(sqlitePath, 'a', 0o600));
  }
  return {
    ...COMMON,
    type: 'better-sqlite3',
    database: sqlitePath,
    enableWAL: true,
    // busy_timeout: another process (a CLI, a second instance) holding the write lock is waited for, not failed.
    timeout: busyTimeoutMs,
    migrations: SQLITE_MIGRATIONS,
    prepareDatabase: (db: Database) => {
      db.pragma('synchronous = NORMAL');
      db.function(SQLITE_FOLD_FUNCTION, { deterministic: true }, (value: unknown) => (typeof value === 'string' ? foldText(value) : value));
    },
  };
}
