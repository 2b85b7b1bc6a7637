// Finds the real MySQL and Redis the suites need, and the redis-server / redis-cli binaries the Redis Cluster suites
// start their own three-master cluster with. Absent services are said in one plain line and the embedded variants
// run alone — except with CI=true, where an absent service fails the run.
const { spawnSync } = require('node:child_process');
const mysql = require('mysql2/promise');
const Redis = require('ioredis');

const DEFAULT_MYSQL = 'mysql://root@127.0.0.1:3306/test';
const DEFAULT_REDIS = 'redis://127.0.0.1:6379';

async function probeMysql(url) {
  let conn;
  try {
    conn = await mysql.createConnection({ uri: url, connectTimeout: 3000 });
    await conn.query('SELECT 1');
    return null;
  } catch (e) {
    return e.code || e.message;
  } finally {
    if (conn) await conn.end().catch(() => {});
  }
}

async function probeRedis(url) {
  const client = new Redis(url, { lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.ping();
    return null;
  } catch (e) {
    return e.code || e.message;
  } finally {
    client.disconnect();
  }
}

/** null when both binaries run (a cluster needs Redis ≥ 7: --cluster-port), else what is wrong. */
function probeClusterBinaries() {
  for (const binary of ['redis-server', 'redis-cli']) {
    const run = spawnSync(binary, ['--version'], { encoding: 'utf8', timeout: 10_000 });
    if (run.error) return `${binary}: ${run.error.code || run.error.message}`;
    const major = Number(/v=(\d+)|redis-cli (\d+)/.exec(run.stdout)?.slice(1).find(Boolean));
    if (!(major >= 7)) return `${binary} ${run.stdout.trim()} (Redis 7 or later needed)`;
  }
  return null;
}

module.exports = async function globalSetup() {
  if (process.env.TILLBOT_TEST_PROBED === '1') return;
  const mysqlUrl = process.env.TEST_DATABASE_URL || DEFAULT_MYSQL;
  const redisUrl = process.env.TEST_REDIS_URL || DEFAULT_REDIS;
  const [mysqlProblem, redisProblem] = await Promise.all([probeMysql(mysqlUrl), probeRedis(redisUrl)]);
  const ci = process.env.CI === 'true' || process.env.CI === '1';
  const clusterProblem = probeClusterBinaries();
  const missing = [];
  if (mysqlProblem) missing.push(`MySQL at ${mysqlUrl.replace(/\/\/[^@]*@/, '//')} (${mysqlProblem})`);
  if (redisProblem) missing.push(`Redis at ${redisUrl} (${redisProblem})`);
  if (clusterProblem) missing.push(`a local Redis Cluster (${clusterProblem})`);
  if (missing.length > 0) {
    const line = `not reachable: ${missing.join(', ')}`;
    if (ci)
      throw new Error(
        `${line} — CI=true requires the MySQL, Redis and Redis Cluster suites; start the services (install redis-server and redis-cli) and run again`,
      );
    const services = mysqlProblem || redisProblem;
    console.log(`\n${line}: ${services ? 'running the embedded SQLite / in-process variants only' : 'the Redis Cluster variants are skipped'}`);
  }
  if (!mysqlProblem) {
    const prefix = process.env.TEST_DATABASE_PREFIX || 'tb_test';
    console.log(
      `\nMySQL at ${mysqlUrl.replace(/\/\/[^@]*@/, '//')}: the tests create and drop databases named ${prefix}_* there (TEST_DATABASE_URL picks the server, TEST_DATABASE_PREFIX the prefix)`,
    );
  }
  process.env.TILLBOT_TEST_MYSQL_URL = mysqlProblem ? '' : mysqlUrl;
  process.env.TILLBOT_TEST_REDIS_URL = redisProblem ? '' : redisUrl;
  process.env.TILLBOT_TEST_REDIS_CLUSTER = clusterProblem ? '' : '1';
  process.env.TILLBOT_TEST_PROBED = '1';
};
