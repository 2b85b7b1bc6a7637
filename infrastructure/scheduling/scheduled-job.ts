import type { Shop } from '../../domain/shop';

export type JobResult = Record<string, number>;

/** What a job may call: the shop's use cases, and the outbox's drain (for the dispatch job). */
export interface JobContext {
  shop: Shop;
  outbox: { drainOnce(): Promise<JobResult> };
  /** WeChat Pay's platform key refresher, when this shop talks to WeChat Pay (or its sandbox). */
  platformKeys?: { refresh(): Promise<{ learned: string[]; downloaded: boolean }> };
}

/**
 * One scheduled job, declared in its own file under jobs/: its name, default schedule (six-field cron) and batch,
 * what it needs, and the use case it calls. JOB_<NAME>_SCHEDULE / _BATCH override the defaults.
 */
export interface ScheduledJob {
  readonly name: string;
  readonly schedule: string;
  readonly batch: number;
  /**
   * 'payment-provider': not registered in a shop that has no provider configured (credit only);
   * 'platform-certificates': only where WeChat Pay's platform keys are watched.
   */
  readonly needs?: 'payment-provider' | 'platform-certificates';
  run(context: JobContext, batch: number): Promise<JobResult>;
}

export const defineJob = (job: ScheduledJob): ScheduledJob => job;
