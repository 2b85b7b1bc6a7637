// Opens the Redis parts for one contract-suite variant: the in-process twin on a clock the test moves, real Redis
// where time really passes, or a real three-master Redis Cluster started for the file. Each file gets its own key
// prefix and removes its keys afterwards (the cluster goes away whole).
import Redis from 'ioredis';
import { createRedisParts, type RedisParts } from '../../../infrastructure/redis/create-redis-parts';
import type { RedisTarget } from '../../../infrastructure/redis/redis-target';
import { startRedisCluster, type TestRedisCluster } from '../../support/redis-cluster';
import { type KeyValueBackend, testRedisUrl, uniqueName } from '../../support/services';

export interface TestBackend {
  readonly parts: RedisParts;
  /** Lets ms pass: the twin's clock jumps, against Redis the test waits. */
  advance(ms: number): Promise<void>;
  /** Parts as another process would hold them: a separate connection for Redis; the same twin in memory. */
  peer(): RedisParts;
  /** The cluster behind the 'cluster' variant (its nodes, a slot move, a restart); undefined otherwise. */
  readonly cluster?: TestRedisCluster;
  dispose(): Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function openBackend(backend: KeyValueBackend, file: string): Promise<TestBackend> {
  const prefix = `${uniqueName(`tbt_${file}`)}:`;
  if (backend === 'memory') {
    let now = Date.now();
    const parts = createRedisParts(undefined, { prefix, now: () => now });
    return {
      parts,
      advance: async (ms) => {
        now += ms;
      },
      peer: () => parts,
      dispose: () => parts.close(),
    };
  }
  const cluster = backend === 'cluster' ? await startRedisCluster() : undefined;
  const url = testRedisUrl();
  const target: RedisTarget | string | undefined = cluster?.target ?? url;
  if (!target) throw new Error('Redis is not available in this test run');
  const opened: RedisParts[] = [];
  const open = () => {
    const parts = createRedisParts(target, { prefix, log: () => undefined });
    opened.push(parts);
    return parts;
  };
  return {
    parts: open(),
    advance: sleep,
    peer: open,
    ...(cluster ? { cluster } : {}),
    dispose: async () => {
      await Promise.all(opened.map((p) => p.close()));
      if (cluster) await cluster.stop();
      else if (url) await deleteKeys(url, prefix);
    },
  };
}

async function deleteKeys(url: string, prefix: string): Promise<void> {
  const client = new Redis(url);
  try {
    const keys = await client.keys(`${prefix}*`);
    if (keys.length > 0) await client.del(...keys);
  } finally {
    await client.quit();
  }
}
