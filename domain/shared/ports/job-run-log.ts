/** One run of a scheduled job on some instance, as every instance can see it. */
export interface JobRun {
  job: string;
  instance: string;
  trigger: 'schedule' | 'manual';
  startedAt: Date;
  finishedAt: Date;
  ok: boolean;
  /** Counters the job reported (e.g. `{ checked: 12, paid: 1 }`). */
  result: Record<string, number>;
  error: string | null;
}

/** Where job runs are recorded so that any instance (and an admin) sees the cluster's last run of each job. */
export interface JobRunLog {
  record(run: JobRun): Promise<void>;
  /** The newest run of each job. */
  latest(): Promise<JobRun[]>;
  /** The newest runs of one job, newest first. */
  history(job: string, limit: number): Promise<JobRun[]>;
}
