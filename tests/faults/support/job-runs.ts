// The cluster's job-run log (job_runs), read straight from the shops' database.
import mysql from 'mysql2/promise';

export interface JobRunRow {
  job: string;
  instance: string;
  trigger: 'schedule' | 'manual';
  startedAt: number;
  finishedAt: number;
  ok: boolean;
  result: Record<string, number>;
  error: string | null;
}

interface RawRow {
  job: string;
  instance: string;
  trigger_kind: 'schedule' | 'manual';
  started_at: number | string;
  finished_at: number | string;
  ok: number;
  result: string;
  error: string | null;
}

export async function jobRuns(db: mysql.Pool, job?: string): Promise<JobRunRow[]> {
  const [rows] = await db.query(
    `SELECT job, instance, trigger_kind, started_at, finished_at, ok, result, error FROM job_runs ${job ? 'WHERE job = ?' : ''} ORDER BY id`,
    job ? [job] : [],
  );
  return (rows as RawRow[]).map((r) => ({
    job: r.job,
    instance: r.instance,
    trigger: r.trigger_kind,
    startedAt: Number(r.started_at),
    finishedAt: Number(r.finished_at),
    ok: r.ok === 1,
    result: JSON.parse(r.result) as Record<string, number>,
    error: r.error,
  }));
}

/**
 * Scheduled runs grouped by the fire they belong to (the schedule fires every `periodSeconds`, on multiples of it; a
 * run starts within milliseconds of its fire). Two runs in one group = one fire executed twice, on some instances.
 */
export function firesRunMoreThanOnce(runs: JobRunRow[], periodSeconds: number): string[] {
  const byFire = new Map<string, JobRunRow[]>();
  for (const run of runs) {
    if (run.trigger !== 'schedule') continue;
    const fire = Math.floor(run.startedAt / 1000 / periodSeconds) * periodSeconds;
    const key = `${run.job}@${fire}`;
    byFire.set(key, [...(byFire.get(key) ?? []), run]);
  }
  return [...byFire.entries()]
    .filter(([, group]) => group.length > 1)
    .map(([key, group]) => `${key}: ${group.map((r) => `${r.instance} at ${new Date(r.startedAt).toISOString()}`).join(', ')}`);
}

/** How many distinct fires of `job` ran in [fromMs, toMs). */
export function firesThatRan(runs: JobRunRow[], job: string, periodSeconds: number, fromMs: number, toMs: number): number {
  const fires = new Set<number>();
  for (const run of runs) {
    if (run.job === job && run.trigger === 'schedule' && run.startedAt >= fromMs && run.startedAt < toMs)
      fires.add(Math.floor(run.startedAt / 1000 / periodSeconds));
  }
  return fires.size;
}
