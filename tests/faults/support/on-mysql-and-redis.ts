import { databaseBackends, redisBackends, testRedisClusterAvailable } from '../../support/services';

/**
 * The fault suites need the real MySQL AND the real Redis (several processes, one database, one coordinator).
 * They run once, on that pair, when both are reachable — which CI guarantees (global-setup fails a CI run without them).
 */
export function describeOnMysqlAndRedis(title: string, suite: () => void): void {
  const variants = databaseBackends()
    .filter((db) => db === 'mysql')
    .flatMap((db) =>
      redisBackends()
        .filter((kv) => kv === 'redis')
        .map((kv) => [db, kv] as const),
    );
  if (variants.length > 0) {
    describe.each(variants)(`${title} (%s + %s)`, () => suite());
    return;
  }
  describe(title, () => {
    it('runs on MySQL + Redis only; this run found no such pair (see the line the test run printed first)', () => {
      expect(process.env.CI === 'true' || process.env.CI === '1').toBe(false);
    });
  });
}

/**
 * As describeOnMysqlAndRedis, with the shops on a three-master Redis Cluster the suite starts for itself wherever
 * redis-server and redis-cli are installed (CI requires them), else on the one Redis. Once, not twice: the shops'
 * code is the same on both but for the connection, every other fault suite runs on the one Redis, and the suite
 * takes minutes.
 */
export function describeOnMysqlAndClusterOrRedis(title: string, suite: (redis: 'redis' | 'cluster') => void): void {
  const redis = testRedisClusterAvailable() ? 'cluster' : 'redis';
  describeOnMysqlAndRedis(redis === 'cluster' ? `${title} (Redis Cluster)` : title, () => suite(redis));
}
