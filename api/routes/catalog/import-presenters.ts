import { ImportJob } from '../../../domain/catalog';

const countsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['rows', 'valid', 'invalid', 'created', 'updated', 'unchanged', 'codesAdded'],
  properties: Object.fromEntries(['rows', 'valid', 'invalid', 'created', 'updated', 'unchanged', 'codesAdded'].map((k) => [k, { type: 'integer' }])),
} as const;

/** An import job as the API shows it: progress (`rowsDone` of `counts.valid`) and the report. */
export const importJobSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'fileName', 'format', 'dryRun', 'status', 'counts', 'rowsDone', 'problems', 'failure', 'createdAt', 'updatedAt'],
  properties: {
    id: { type: 'string' },
    fileName: { type: 'string' },
    format: { type: 'string', enum: ['csv', 'yaml'] },
    dryRun: { type: 'boolean' },
    status: { type: 'string', enum: ['CHECKING', 'INVALID', 'CHECKED', 'IMPORTING', 'DONE', 'FAILED'] },
    counts: countsSchema,
    rowsDone: { type: 'integer' },
    problems: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['line', 'field', 'reason'],
        properties: { line: { type: 'integer' }, field: { type: 'string' }, reason: { type: 'string' } },
      },
    },
    failure: { type: ['string', 'null'] },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
  },
} as const;

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
