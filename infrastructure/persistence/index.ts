export { createPersistence } from './create-persistence';
export type { Persistence, PersistenceOptions } from './create-persistence';
export type { PersistenceLogger } from './persistence-logger';
export type { ShopTx } from './typeorm-unit-of-work';
export type { ShopRepositories } from './shop-persistence';
export { TypeormJobRunLog, JOB_RUNS_KEPT_PER_JOB } from './job-runs/typeorm-job-run-log';
export type { OutsideTransactionGate } from './job-runs/typeorm-job-run-log';
