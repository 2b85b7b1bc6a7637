import { ImportFormat } from './import-source';
import { RowProblem } from './imported-product';

/**
 * CHECKING: every row is being validated (nothing written yet). INVALID: some rows are bad, nothing was written.
 * CHECKED: a dry run found every row good (nothing written). IMPORTING: batches are being written. DONE: all written.
 * FAILED: stopped part-way (committed batches stay); importing the same file again resumes after the last one.
 */
export const IMPORT_STATUSES = ['CHECKING', 'INVALID', 'CHECKED', 'IMPORTING', 'DONE', 'FAILED'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export interface ImportCounts {
  /** Data rows read so far (the header is not one). */
  rows: number;
  valid: number;
  invalid: number;
  /** Products the import made, changed, or found exactly as the file says (a dry run: would make, would change). */
  created: number;
  updated: number;
  unchanged: number;
  codesAdded: number;
}

export interface ImportJob {
  id: string;
  /** The shop whose products the file lists: its SKUs are matched within that shop only (the house for admins). */
  sellerId: number;
  fileName: string;
  fileDigest: string;
  format: ImportFormat;
  dryRun: boolean;
  status: ImportStatus;
  counts: ImportCounts;
  /** Valid rows whose batch has committed: a resumed run starts after them. */
  rowsDone: number;
  /** The first problems found (at most MAX_LISTED_PROBLEMS); `counts.invalid` counts every bad row. */
  problems: RowProblem[];
  failure: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const MAX_LISTED_PROBLEMS = 1000;

export const NO_COUNTS: ImportCounts = { rows: 0, valid: 0, invalid: 0, created: 0, updated: 0, unchanged: 0, codesAdded: 0 };

export interface ImportJobRepository {
  insert(job: ImportJob): Promise<void>;
  findById(id: string): Promise<ImportJob | null>;
  /** The latest real import of a file with this digest that stopped before the end (IMPORTING or FAILED). */
  findResumable(fileDigest: string, sellerId: number): Promise<ImportJob | null>;
  /**
   * Writes the job's state, only while its committed rows are still `expectedRowsDone`: false means another run of
   * the same job moved it on, and this run must stop (inside a batch's transaction, the batch then rolls back).
   */
  save(job: ImportJob, expectedRowsDone: number): Promise<boolean>;
}
