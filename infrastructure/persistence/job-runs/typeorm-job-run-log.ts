import { DataSource, EntityManager } from 'typeorm';
import { JobRun, JobRunLog } from '../../../domain/shared/ports/job-run-log';
import { JobRunEntity } from './job-run-entity';
import { jobRunFromRow, jobRunRow } from './job-run-mapping';

/** How many runs of each job are kept; older ones are deleted as new ones are recorded, so the table stays small. */
export const JOB_RUNS_KEPT_PER_JOB = 200;

/** Runs statements that belong to no unit of work. TypeormUnitOfWork is one: it queues them with SQLite's transactions. */
export interface OutsideTransactionGate {
  runOutsideTransaction<R>(task: () => Promise<R>): Promise<R>;
}

/**
 * The cluster's job runs in the shared database. Not part of a Tx: a run is recorded whatever its own transactions did,
 * in short autocommitted statements. Failures (a database that is down) are thrown: the caller decides what to do.
 */
export class TypeormJobRunLog implements JobRunLog {
  constructor(
    private readonly dataSource: DataSource,
    private readonly gate: OutsideTransactionGate,
    private readonly keepPerJob: number = JOB_RUNS_KEPT_PER_JOB,
  ) {
    if (!Number.isInteger(keepPerJob) || keepPerJob < 1) throw new RangeError(`keepPerJob must be a positive integer (got ${keepPerJob})`);
  }

  async record(run: JobRun): Promise<void> {
    const row = jobRunRow(run);
    await this.gate.runOutsideTransaction(async () => {
      const manager = this.dataSource.manager;
      await manager.createQueryBuilder().insert().into(JobRunEntity).values(row).updateEntity(false).execute();
      await this.prune(manager, row.job);
    });
  }

  /** MAX(id) per job walks the (job, id) index; the join then reads one row per job. */
  async latest(): Promise<JobRun[]> {
    return this.gate.runOutsideTransaction(async () => {
      const rows = await this.dataSource.manager
        .createQueryBuilder(JobRunEntity, 'r')
        .innerJoin((sub) => sub.select('MAX(j.id)', 'max_id').from(JobRunEntity, 'j').groupBy('j.job'), 'm', 'm.max_id = r.id')
        .orderBy('r.job', 'ASC')
        .getMany();
      return rows.map(jobRunFromRow);
    });
  }

  async history(job: string, limit: number): Promise<JobRun[]> {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`history needs a positive integer limit (got ${limit})`);
    return this.gate.runOutsideTransaction(async () => {
      const rows = await this.dataSource.manager.find(JobRunEntity, { where: { job }, order: { id: 'DESC' }, take: limit });
      return rows.map(jobRunFromRow);
    });
  }

  /**
   * Finds the newest run that falls past the kept ones and deletes it and everything older, by id on the (job, id)
   * index. Two instances pruning at once delete the same old rows: harmless.
   */
  private async prune(manager: EntityManager, job: string): Promise<void> {
    const cutoff = await manager
      .createQueryBuilder(JobRunEntity, 'r')
      .select('r.id', 'id')
      .where('r.job = :job', { job })
      .orderBy('r.id', 'DESC')
      .offset(this.keepPerJob)
      .limit(1)
      .getRawOne<{ id: number | string }>();
    if (cutoff === undefined) return;
    await manager
      .createQueryBuilder()
      .delete()
      .from(JobRunEntity)
      .where('job = :job AND id <= :cutoff', { job, cutoff: Number(cutoff.id) })
      .execute();
  }
}
