import { EntitySchema } from 'typeorm';
import { bigintColumn, booleanColumn, idColumn, stringColumn, textColumn } from '../columns';

export interface JobRunRow {
  id: number;
  job: string;
  instance: string;
  trigger_kind: string;
  started_at: number;
  finished_at: number;
  ok: boolean;
  /** The job's counters as a JSON object of numbers. */
  result: string;
  error: string | null;
}

export const JobRunEntity = new EntitySchema<JobRunRow>({
  name: 'JobRun',
  tableName: 'job_runs',
  columns: {
    id: idColumn(),
    job: stringColumn(64),
    instance: stringColumn(128),
    trigger_kind: stringColumn(16),
    started_at: bigintColumn(),
    finished_at: bigintColumn(),
    ok: booleanColumn(),
    result: textColumn(),
    error: textColumn(true),
  },
});
