import cron, { ScheduledTask } from 'node-cron';
import { DistributedLock, LockLease } from '../../domain/shared/ports/distributed-lock';
import { JobRun, JobRunLog } from '../../domain/shared/ports/job-run-log';
import { withLogContext } from '../logging/log-context';
import { Logger } from '../logging/logger';

export type JobResult = Record<string, number>;

export interface JobDefinition {
  name: string;
  /** node-cron expression (six fields = with seconds). */
  schedule: string;
  /** How long one run may hold the job before another instance may assume it died. */
  leaseMs: number;
  run: () => Promise<JobResult>;
}

export interface JobStatus {
  name: string;
  schedule: string;
  runs: number;
  failures: number;
  skipped: number;
  running: boolean;
  lastRun: { startedAt: string; finishedAt: string; ok: boolean; result?: JobResult; error?: string; trigger: 'schedule' | 'manual'; instance: string } | null;
  nextRunAt: string | null;
}

export interface JobRunnerOptions {
  /** Names this process in the run log. */
  instance: string;
  /** Where runs are recorded for every instance to see; without it only this process's runs are known. */
  runLog?: JobRunLog;
  /** Told of every run and skip of this instance (the metrics). */
  observer?: JobObserver;
}

export interface JobObserver {
  registered(job: string): void;
  ran(job: string, ok: boolean, seconds: number): void;
  skipped(job: string): void;
}

export type RunOutcome = { ran: true; ok: boolean; result?: JobResult; error?: string } | { ran: false; reason: string };

/**
 * Schedules jobs with node-cron and makes each fire run at most once across all instances: a per-fire key taken
 * with SET NX (kept until it expires, so a late instance cannot run the same fire again) plus a running lease
 * (no overlap with a slow previous run). When the coordinator cannot be reached the fire is skipped, never doubled.
 */
export class JobRunner {
  private readonly jobs = new Map<string, { def: JobDefinition; status: JobStatus; task: ScheduledTask | null }>();

  constructor(
    private readonly lock: DistributedLock,
    private readonly logger: Logger,
    private readonly options: JobRunnerOptions = { instance: 'local' },
  ) {}

  register(def: JobDefinition): void {
    if (!cron.validate(def.schedule)) throw new Error(`job ${def.name}: invalid cron schedule "${def.schedule}"`);
    this.jobs.set(def.name, {
      def,
      task: null,
      status: { name: def.name, schedule: def.schedule, runs: 0, failures: 0, skipped: 0, running: false, lastRun: null, nextRunAt: null },
    });
    this.options.observer?.registered(def.name);
  }

  private skip(entry: { def: JobDefinition; status: JobStatus }): void {
    entry.status.skipped += 1;
    this.options.observer?.skipped(entry.def.name);
  }

  start(): void {
    for (const entry of this.jobs.values()) {
      entry.task = cron.schedule(entry.def.schedule, (ctx) => this.onFire(entry.def.name, ctx.date), { name: entry.def.name, noOverlap: true, unref: false });
    }
  }

  async stop(): Promise<void> {
    for (const entry of this.jobs.values()) {
      await entry.task?.destroy();
      entry.task = null;
    }
  }

  names(): string[] {
    return [...this.jobs.keys()];
  }

  has(name: string): boolean {
    return this.jobs.has(name);
  }

  /** Every job with its schedule, counters of this instance, and the newest run on ANY instance (from the run log). */
  async statuses(): Promise<JobStatus[]> {
    let latest: JobRun[] = [];
    try {
      latest = this.options.runLog ? await this.options.runLog.latest() : [];
    } catch (e) {
      this.logger.warn({ err: e }, 'job run log unavailable; showing this instance only');
    }
    return [...this.jobs.values()].map((e) => {
      const shared = latest.find((r) => r.job === e.def.name);
      const local = e.status.lastRun;
      const lastRun =
        shared && (!local || shared.finishedAt.getTime() > Date.parse(local.finishedAt))
          ? {
              startedAt: shared.startedAt.toISOString(),
              finishedAt: shared.finishedAt.toISOString(),
              ok: shared.ok,
              result: shared.result,
              ...(shared.error ? { error: shared.error } : {}),
              trigger: shared.trigger,
              instance: shared.instance,
            }
          : local;
      return { ...e.status, lastRun, nextRunAt: e.task?.getNextRun()?.toISOString() ?? null };
    });
  }

  /** An admin's "run now": skips the per-fire key but still never overlaps a running instance. */
  async runNow(name: string): Promise<RunOutcome | null> {
    if (!this.jobs.has(name)) return null;
    return this.execute(name, 'manual');
  }

  /** Records a run for the cluster view; a log that cannot be written never fails the job itself. */
  private remember(run: JobRun): void {
    this.options.runLog?.record(run).catch((e) => this.logger.warn({ err: e, job: run.job }, 'job run not recorded'));
  }

  /** One scheduled fire (node-cron calls it; several instances call it for the same second): runs at most once. */
  async onFire(name: string, firedAt: Date): Promise<void> {
    const fireSecond = Math.floor(firedAt.getTime() / 1000);
    const entry = this.jobs.get(name);
    if (!entry) return;
    try {
      const claim = await this.lock.acquire(`job:${name}:fire:${fireSecond}`, Math.max(entry.def.leaseMs, 120_000));
      if (!claim) {
        this.skip(entry);
        return;
      }
    } catch (e) {
      this.skip(entry);
      this.logger.warn({ job: name, err: e }, 'job fire skipped: coordinator unavailable');
      return;
    }
    await this.execute(name, 'schedule');
  }

  /** Every log line of a run carries the job and a run id (as reqId), whichever part writes it. */
  private execute(name: string, trigger: 'schedule' | 'manual'): Promise<RunOutcome> {
    return withLogContext({ job: name, reqId: `job:${name}:${Date.now().toString(36)}` }, () => this.executeInContext(name, trigger));
  }

  private async executeInContext(name: string, trigger: 'schedule' | 'manual'): Promise<RunOutcome> {
    const entry = this.jobs.get(name);
    if (!entry) return { ran: false, reason: 'unknown job' };
    let lease: LockLease | null;
    try {
      lease = await this.lock.acquire(`job:${name}:running`, entry.def.leaseMs);
    } catch (e) {
      this.logger.warn({ job: name, err: e }, 'job skipped: coordinator unavailable');
      return { ran: false, reason: 'coordinator unavailable' };
    }
    if (!lease) {
      this.skip(entry);
      return { ran: false, reason: 'already running on some instance' };
    }
    const keepAlive = setInterval(() => void lease.extend(entry.def.leaseMs).catch(() => false), Math.max(1000, entry.def.leaseMs / 3));
    const startedAt = new Date();
    const instance = this.options.instance;
    entry.status.running = true;
    try {
      const result = await entry.def.run();
      const finishedAt = new Date();
      entry.status.runs += 1;
      this.options.observer?.ran(name, true, (finishedAt.getTime() - startedAt.getTime()) / 1000);
      entry.status.lastRun = { startedAt: startedAt.toISOString(), finishedAt: finishedAt.toISOString(), ok: true, result, trigger, instance };
      if (Object.values(result).some((v) => v > 0)) this.logger.info({ job: name, result, trigger }, 'job run');
      this.remember({ job: name, instance, trigger, startedAt, finishedAt, ok: true, result, error: null });
      return { ran: true, ok: true, result };
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      const finishedAt = new Date();
      entry.status.runs += 1;
      entry.status.failures += 1;
      this.options.observer?.ran(name, false, (finishedAt.getTime() - startedAt.getTime()) / 1000);
      entry.status.lastRun = { startedAt: startedAt.toISOString(), finishedAt: finishedAt.toISOString(), ok: false, error, trigger, instance };
      this.logger.error({ job: name, err: e, trigger }, 'job failed');
      this.remember({ job: name, instance, trigger, startedAt, finishedAt, ok: false, result: {}, error });
      return { ran: true, ok: false, error };
    } finally {
      clearInterval(keepAlive);
      entry.status.running = false;
      await lease.release().catch(() => false);
    }
  }
}
