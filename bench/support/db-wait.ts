// Waiting on the shop's own database for a condition (orders delivered), polling lightly: a query every 200 ms.
import mysql from 'mysql2/promise';
import { must } from './must';

export async function countWhere(pool: mysql.Pool, sql: string, params: unknown[] = []): Promise<number> {
  const [rows] = await pool.query<mysql.RowDataPacket[]>(sql, params);
  return Number(must(rows[0], 'count row').n);
}

/** Resolves with the elapsed ms once `count()` reaches `target`, or with null after `timeoutMs`. */
export async function waitForCount(
  count: () => Promise<number>,
  target: number,
  timeoutMs: number,
  everyMs = 200,
): Promise<{ ms: number | null; last: number }> {
  const started = Date.now();
  let last = 0;
  for (;;) {
    last = await count();
    if (last >= target) return { ms: Date.now() - started, last };
    if (Date.now() - started > timeoutMs) return { ms: null, last };
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
