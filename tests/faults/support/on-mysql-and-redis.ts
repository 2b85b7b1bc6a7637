import { databaseBackends, redisBackends } from '../../support/services';

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
