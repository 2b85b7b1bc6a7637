// Throwaway databases and Redis key spaces: every benchmark gets its own, and they are gone when it ends.
import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import mysql from 'mysql2/promise';

export const uniqueName = (prefix: string): string => `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;

export interface BenchDatabase {
  name: string;
  /** mysql://…/<name> */
  url: string;
  /** A small pool for the bench's own setup and checks (never used while a figure is measured, unless said). */
  pool: mysql.Pool;
  drop(): Promise<void>;
}

function withDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function createDatabase(serverUrl: string, prefix: string, keep: boolean): Promise<BenchDatabase> {
  const name = uniqueName(prefix).slice(0, 64);
  const admin = await mysql.createConnection({ uri: serverUrl });
  try {
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(serverUrl, name);
  const pool = mysql.createPool({ uri: url, connectionLimit: 4, supportBigNumbers: true, bigNumberStrings: false, multipleStatements: false });
  return {
    name,
    url,
    pool,
    async drop() {
      await pool.end().catch(() => undefined);
      if (keep) return;
      const conn = await mysql.createConnection({ uri: serverUrl });
      try {
        await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      } finally {
        await conn.end();
      }
    },
  };
}

export async function checkServices(serverUrl: string, redisUrl: string): Promise<void> {
  const conn = await mysql.createConnection({ uri: serverUrl, connectTimeout: 3000 }).catch((e: Error) => {
    throw new Error(`MariaDB/MySQL is not reachable at ${serverUrl} (${e.message}); set BENCH_DATABASE_URL`);
  });
  await conn.end();
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (e) {
    throw new Error(`Redis is not reachable at ${redisUrl} (${(e as Error).message}); set BENCH_REDIS_URL`);
  } finally {
    redis.disconnect();
  }
}

/** Deletes every key under `prefix` (the shop's REDIS_KEY_PREFIX of one benchmark). */
export async function deleteRedisKeys(redisUrl: string, prefix: string): Promise<void> {
  const client = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
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
