// What the test run found (see global-setup.js), and throwaway databases / key spaces on those services.
import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';

export type Backend = 'sqlite' | 'mysql';

export const testMysqlUrl = (): string | undefined => process.env.TILLBOT_TEST_MYSQL_URL || undefined;
export const testRedisUrl = (): string | undefined => process.env.TILLBOT_TEST_REDIS_URL || undefined;
/** True when redis-server and redis-cli run here: a suite may start its own cluster (tests/support/redis-cluster.ts). */
export const testRedisClusterAvailable = (): boolean => process.env.TILLBOT_TEST_REDIS_CLUSTER === '1';

/** The database backends a contract suite runs against: always the embedded one, MySQL when reachable. */
export function databaseBackends(): Backend[] {
  return testMysqlUrl() ? ['sqlite', 'mysql'] : ['sqlite'];
}

/** The key-value backends a contract suite runs against: always the in-process twin, Redis when reachable. */
export function redisBackends(): Array<'memory' | 'redis'> {
  return testRedisUrl() ? ['memory', 'redis'] : ['memory'];
}

export type KeyValueBackend = 'memory' | 'redis' | 'cluster';

/** The key-value contract suites' backends: the twin and one Redis as above, and a three-master Redis Cluster. */
export function keyValueBackends(): KeyValueBackend[] {
  return [...redisBackends(), ...(testRedisClusterAvailable() ? (['cluster'] as const) : [])];
}

export const uniqueName = (prefix: string): string => `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;

/**
 * Test databases are named `<prefix>_<time>_<random>` (default prefix `tb_test`, TEST_DATABASE_PREFIX to change it),
 * created on the MySQL the run found and dropped when the test is done.
 */
export function testDatabasePrefix(): string {
  const prefix = process.env.TEST_DATABASE_PREFIX || 'tb_test';
  if (!/^[A-Za-z][A-Za-z0-9_]{0,30}$/.test(prefix)) throw new Error(`TEST_DATABASE_PREFIX must be a letter then up to 30 of A-Z a-z 0-9 _, got "${prefix}"`);
  return prefix;
}

export interface TestMysqlDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A fresh, empty MySQL database of its own, so parallel test files never collide. */
export async function createTestMysqlDatabase(): Promise<TestMysqlDatabase> {
  const base = testMysqlUrl();
  if (!base) throw new Error('MySQL is not available in this test run');
  const name = uniqueName(testDatabasePrefix());
  const admin = await mysql.createConnection({ uri: base });
  try {
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const conn = await mysql.createConnection({ uri: base });
      try {
        await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      } finally {
        await conn.end();
      }
    },
  };
}
