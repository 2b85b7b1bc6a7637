import { ImportJob } from '../../../domain/catalog';

/** An import job as the API shows it: progress (`rowsDone` of `counts.valid`) and the report. */
export const presentImportJob = (job: ImportJob) => ({
  id: job.id,
  fileName: job.fileName,
  format: job.format,
  dryRun: job.dryRun,
  status: job.status,
  counts: job.counts,
  rowsDone: job.rowsDone,
  problems: job.problems,
  failure: job.failure,
  createdAt: job.createdAt.toISOString(),
  updatedAt: job.updatedAt.toISOString(),
});
