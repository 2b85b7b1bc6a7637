import { HOUSE_SELLER_ID, ProductOwner, ownedBy } from '../product';
import { DomainError, Result, fail, ok } from '../../shared/result';
import { ValidationError, text } from '../../shared/validation';
import { CatalogDeps } from '../catalog-deps';
import { ImportJob, NO_COUNTS } from './import-job';
import { ImportSource, importFormatOf } from './import-source';
import { ImportProgress, RunError, runImport } from './run-import';

/** Largest file an admin may upload (the CLI reads any size). */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

export interface ImportRequest {
  dryRun?: boolean;
  /** A seller's own import (their shop's SKUs only); absent = the house's. */
  owner?: ProductOwner;
  onProgress?: (progress: ImportProgress) => void;
}

async function openJob(deps: CatalogDeps, source: ImportSource, dryRun: boolean, persist: boolean, sellerId: number): Promise<ImportJob> {
  const fileDigest = await source.digest();
  // An interrupted real import of the same bytes (by the same shop) carries on after its last committed batch.
  const resumable = dryRun ? null : await deps.uow.run((tx) => tx.catalogImports.findResumable(fileDigest, sellerId));
  if (resumable) return resumable;
  const now = deps.clock.now();
  const job: ImportJob = {
    id: deps.ids.uuid(),
    sellerId,
    fileName: source.name,
    fileDigest,
    format: source.format,
    dryRun,
    status: 'CHECKING',
    counts: { ...NO_COUNTS },
    rowsDone: 0,
    problems: [],
    failure: null,
    createdAt: now,
    updatedAt: now,
  };
  if (persist) await deps.uow.run((tx) => tx.catalogImports.insert(job));
  return job;
}

/** The CLI's import: runs to the end in the caller's process. A dry run keeps no record (it writes nothing at all). */
export async function importCatalog(deps: CatalogDeps, source: ImportSource, request: ImportRequest = {}): Promise<Result<ImportJob, RunError>> {
  const dryRun = request.dryRun === true;
  const job = await openJob(deps, source, dryRun, !dryRun, request.owner?.sellerId ?? HOUSE_SELLER_ID);
  return runImport(deps, job, source, { persist: !dryRun, onProgress: request.onProgress });
}

export interface Upload {
  fileName: string;
  content: AsyncIterable<Uint8Array>;
  dryRun?: boolean;
  /** A seller's upload: their shop's products only. */
  owner?: ProductOwner;
}

type StartError = ValidationError | DomainError<'IMPORT_FILE_TOO_LARGE'>;

/**
 * An admin's upload (API, bot): the file is kept, the job recorded, and the import runs in the background; its
 * progress and report are read with `getImport`. `finished` settles when it ends (the bot reports then).
 */
export async function startImport(deps: CatalogDeps, upload: Upload): Promise<Result<{ job: ImportJob; finished: Promise<ImportJob> }, StartError>> {
  const name = text('file', upload.fileName, 1, 255);
  if (!name.ok) return name;
  const format = importFormatOf(name.value);
  if (!format.ok) return format;
  const reference = await deps.importFiles.keep(upload.content, MAX_UPLOAD_BYTES);
  if (reference === 'TOO_LARGE')
    return fail('IMPORT_FILE_TOO_LARGE', `an uploaded file may have at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB; use npm run import for larger ones`);
  const source = deps.importFiles.open(reference, name.value, format.value);
  const job = await openJob(deps, source, upload.dryRun === true, true, upload.owner?.sellerId ?? HOUSE_SELLER_ID);
  const finished = runImport(deps, job, source, { persist: true })
    .then(async (result) => (result.ok ? result.value : ((await deps.uow.run((tx) => tx.catalogImports.findById(job.id))) ?? job)))
    .catch(async (error: unknown) => {
      const failed: ImportJob = { ...job, status: 'FAILED', failure: error instanceof Error ? error.message : String(error), updatedAt: deps.clock.now() };
      // The committed batches stay: record where it stopped (rowsDone is the stored one) so a rerun resumes.
      const stored = await deps.uow.run((tx) => tx.catalogImports.findById(job.id));
      const final = { ...failed, rowsDone: stored?.rowsDone ?? 0, counts: stored?.counts ?? failed.counts };
      await deps.uow.run((tx) => tx.catalogImports.save(final, final.rowsDone)).catch(() => false);
      return final;
    })
    .finally(() => deps.importFiles.discard(reference));
  return ok({ job, finished });
}

/** An import's progress and report; a seller sees only their own (another's is IMPORT_NOT_FOUND). */
export async function getImport(deps: CatalogDeps, id: string, owner?: ProductOwner): Promise<Result<ImportJob, DomainError<'IMPORT_NOT_FOUND'>>> {
  const job = await deps.uow.run((tx) => tx.catalogImports.findById(id));
  return job && ownedBy(job, owner) ? ok(job) : fail('IMPORT_NOT_FOUND', `no import ${id}`);
}
