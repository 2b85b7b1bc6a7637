// Everything a bench run can be told from outside, read once. Durations are short by default so a whole run fits in
// about ten minutes on the 2-core machine; raise them for steadier figures.

function number(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min) throw new Error(`${name} must be a number ≥ ${min}, got "${raw}"`);
  return value;
}

export interface BenchSettings {
  /** Server URL without a database: each benchmark creates (and drops) its own database there. */
  databaseUrl: string;
  redisUrl: string;
  /** Seconds of measured load per figure (the shop's and the reference's). */
  seconds: number;
  /** Seconds of unmeasured load before each measured one (JIT, pools, caches). */
  warmupSeconds: number;
  /** Concurrent connections of the load generator and of the bare references. */
  connections: number;
  /** Dropped payments the repair benchmark makes. */
  repairOrders: number;
  /** Orders per product kind in the paid → delivered latency figures, and the pace they are paid at. */
  latencyOrders: number;
  latencyRate: number;
  /** Kept (not deleted) for inspection: the databases, data dirs and Redis keys of the run. */
  keep: boolean;
}

export function readSettings(): BenchSettings {
  return {
    databaseUrl: process.env.BENCH_DATABASE_URL || 'mysql://root@127.0.0.1:3306',
    redisUrl: process.env.BENCH_REDIS_URL || 'redis://127.0.0.1:6379',
    seconds: number('BENCH_SECONDS', 10, 1),
    warmupSeconds: number('BENCH_WARMUP_SECONDS', 2, 0),
    connections: Math.round(number('BENCH_CONNECTIONS', 64, 1)),
    repairOrders: Math.round(number('BENCH_REPAIR_ORDERS', 10_000, 1)),
    latencyOrders: Math.round(number('BENCH_LATENCY_ORDERS', 150, 1)),
    latencyRate: number('BENCH_LATENCY_RATE', 15, 0.1),
    keep: process.env.BENCH_KEEP === '1',
  };
}
