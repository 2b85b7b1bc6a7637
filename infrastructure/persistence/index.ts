export { createPersistence } from './create-persistence';
export type { Persistence, PersistenceOptions } from './create-persistence';
export type { PersistenceLogger } from './persistence-logger';
export { TypeormJobRunLog, JOB_RUNS_KEPT_PER_JOB } from './typeorm-job-run-log';
export type { OutsideTransactionGate } from './typeorm-job-run-log';
