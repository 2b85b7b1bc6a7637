import { JobRun } from '../../../domain/shared/ports/job-run-log';
import { clip, oneOf, toDate, toMs } from '../columns';
import { JobRunRow } from './job-run-entity';

const TRIGGERS: readonly JobRun['trigger'][] = ['schedule', 'manual'];
const MAX_JOB_CHARS = 64;
const MAX_INSTANCE_CHARS = 128;
/** MySQL TEXT holds 65,535 bytes; at up to 4 bytes a character this always fits. A longer error is a stack trace. */
const MAX_ERROR_CHARS = 16_000;
const MAX_RESULT_BYTES = 65_535;

/** JSON.stringify turns NaN/Infinity into null, which would read back as a broken counter: refuse it on the way in. */
function resultJson(run: JobRun): string {
  for (const [name, value] of Object.entries(run.result)) {
    if (!Number.isFinite(value)) throw new RangeError(`job ${run.job}: counter "${name}" is not a finite number (${value})`);
  }
  const json = JSON.stringify(run.result);
  if (Buffer.byteLength(json, 'utf8') > MAX_RESULT_BYTES) throw new RangeError(`job ${run.job}: the counters are too large to record`);
  return json;
}

function parseResult(row: JobRunRow): Record<string, number> {
  const parsed: unknown = JSON.parse(row.result);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`job run ${row.id} has a result that is not a JSON object`);
  }
  const counters: Record<string, number> = {};
  for (const [name, value] of Object.entries(parsed)) {
    if (typeof value !== 'number') throw new Error(`job run ${row.id} has a counter "${name}" that is not a number`);
    counters[name] = value;
  }
  return counters;
}

/** The job name is the key that latest() groups by: it is refused, never cut, when it does not fit. */
export function jobRunRow(run: JobRun): Omit<JobRunRow, 'id'> {
  if (run.job.length === 0 || Array.from(run.job).length > MAX_JOB_CHARS) {
    throw new RangeError(`a job name must be 1 to ${MAX_JOB_CHARS} characters (got "${run.job}")`);
  }
  return {
    job: run.job,
    instance: clip(run.instance, MAX_INSTANCE_CHARS),
    trigger_kind: run.trigger,
    started_at: toMs(run.startedAt),
    finished_at: toMs(run.finishedAt),
    ok: run.ok,
    result: resultJson(run),
    error: run.error === null ? null : clip(run.error, MAX_ERROR_CHARS),
  };
}

export const jobRunFromRow = (row: JobRunRow): JobRun => ({
  job: row.job,
  instance: row.instance,
  trigger: oneOf(TRIGGERS, row.trigger_kind, 'job_runs.trigger_kind'),
  startedAt: toDate(row.started_at),
  finishedAt: toDate(row.finished_at),
  ok: Boolean(row.ok),
  result: parseResult(row),
  error: row.error,
});
