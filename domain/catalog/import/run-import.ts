import { DomainError, Result, fail, ok } from '../../shared/result';
import { CatalogDeps, CatalogTx } from '../catalog-deps';
import { ImportCounts, ImportJob, MAX_LISTED_PROBLEMS } from './import-job';
import { ProductText, documentWith } from '../product-texts';
import { SearchDocument } from '../search-terms';
import { BatchPlan, ensureCategories, planBatch } from './import-plan';
import { readAhead } from './read-ahead';
import { checkColumns, validateImportRow } from './import-row';
import { WebhookUrlRules } from '../webhook-url';
import { ImportSource, RawImportRow, UnreadableAt } from './import-source';
import { ImportedProduct, RowProblem } from './imported-product';

/** Rows per transaction: large enough that a word gets several new postings per index page it touches (the index is IO-bound past the buffer pool), small enough for a few seconds of locks and a bounded heap. */
export const IMPORT_BATCH = 10_000;
/** How often (in rows) a running import records its progress while checking, for `GET /v1/admin/imports/:id`. */
const PROGRESS_EVERY = 20_000;

export interface ImportProgress {
  phase: 'checking' | 'writing';
  /** Rows checked, or valid rows written. */
  done: number;
  /** null while checking (the file's length is known once it has been read). */
  total: number | null;
}

export interface RunOptions {
  onProgress?: (progress: ImportProgress) => void;
  /** false: keep no job row (a CLI dry run writes nothing at all). */
  persist: boolean;
}

export type RunError = DomainError<'IMPORT_TAKEN_OVER'>;

const isUnreadable = (item: RawImportRow | UnreadableAt): item is UnreadableAt => 'unreadable' in item;

function noteProblems(job: ImportJob, problems: readonly RowProblem[]): void {
  for (const problem of problems) if (job.problems.length < MAX_LISTED_PROBLEMS) job.problems.push(problem);
}

/** Reads every valid row again, in batches, skipping the first `skip` (already committed by an earlier run). */
async function* validBatches(
  source: ImportSource,
  currency: string,
  webhookRules: WebhookUrlRules,
  sellerId: number,
  skip: number,
): AsyncGenerator<ImportedProduct[]> {
  let batch: ImportedProduct[] = [];
  let seen = 0;
  for await (const item of source.rows()) {
    if (isUnreadable(item)) continue;
    const checked = validateImportRow(item, currency, webhookRules, sellerId);
    if (!('product' in checked)) continue;
    seen += 1;
    if (seen <= skip) continue;
    batch.push(checked.product);
    if (batch.length === IMPORT_BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

async function save(deps: CatalogDeps, job: ImportJob, persist: boolean): Promise<void> {
  job.updatedAt = deps.clock.now();
  if (persist) await deps.uow.run((tx) => tx.catalogImports.save(job, job.rowsDone));
}

/**
 * The check: every row is validated (all of its problems listed with line and field), SKUs must be unique in the
 * file, and each batch of valid rows is matched to the stored products (a product cannot change its kind). The
 * counts of a dry run come from here: what the import would create, change or leave alone.
 */
async function checkFile(deps: CatalogDeps, job: ImportJob, source: ImportSource, options: RunOptions): Promise<void> {
  const skus = new Set<string>();
  const counts: ImportCounts = { ...job.counts, rows: 0, valid: 0, invalid: 0, created: 0, updated: 0, unchanged: 0, codesAdded: 0 };
  job.counts = counts;
  job.problems = [];
  let pending: ImportedProduct[] = [];
  const categories = new Map((await deps.uow.run((tx) => tx.categories.list())).map((c) => [c.path, c.id]));
  const plan = async () => {
    const planned = await deps.uow.run((tx) => planBatch(tx, pending, categories));
    counts.created += planned.creates.length;
    counts.updated += planned.updates.length;
    counts.unchanged += planned.unchanged;
    counts.valid -= new Set(planned.problems.map((p) => p.line)).size;
    counts.invalid += new Set(planned.problems.map((p) => p.line)).size;
    noteProblems(job, planned.problems);
    pending = [];
  };
  for await (const item of source.rows()) {
    if (isUnreadable(item)) {
      job.failure = `line ${item.line}: ${item.unreadable}`;
      noteProblems(job, [{ line: item.line, field: 'file', reason: item.unreadable }]);
      counts.invalid += 1;
      break;
    }
    counts.rows += 1;
    // A CSV's columns are its header's (checked once, on line 1); each YAML record names its own.
    const problems =
      source.format === 'yaml' || counts.rows === 1
        ? checkColumns(Object.keys(item.fields), source.format === 'csv' ? 1 : item.line, source.format === 'csv')
        : [];
    if (item.malformed) problems.push({ line: item.line, field: 'row', reason: item.malformed });
    const checked = validateImportRow(item, deps.limits.currency, deps.webhookTargets.rules, job.sellerId);
    if ('problems' in checked) problems.push(...checked.problems);
    else if (skus.has(checked.product.draft.sku))
      problems.push({ line: item.line, field: 'sku', reason: `${checked.product.draft.sku} appears on an earlier line` });
    else skus.add(checked.product.draft.sku);
    if (problems.length > 0) {
      counts.invalid += 1;
      noteProblems(job, problems);
    } else if ('product' in checked) {
      counts.valid += 1;
      pending.push(checked.product);
      if (pending.length === IMPORT_BATCH) await plan();
    }
    if (counts.rows % PROGRESS_EVERY === 0) {
      options.onProgress?.({ phase: 'checking', done: counts.rows, total: null });
      await save(deps, job, options.persist);
    }
  }
  if (pending.length > 0) await plan();
  options.onProgress?.({ phase: 'checking', done: counts.rows, total: counts.rows });
}

/**
 * Applies one batch: inserts (one multi-row INSERT), changes, texts, codes, the search terms of what changed and the
 * job's checkpoint, all or nothing. The terms go in the same transaction as the products, as every product write does.
 */
async function applyBatch(tx: CatalogTx, deps: CatalogDeps, job: ImportJob, plan: BatchPlan, size: number): Promise<Result<ImportJob, RunError>> {
  const now = deps.clock.now();
  const counts = { ...job.counts };
  const created = await tx.products.insertMany(
    plan.creates.map((row) => row.draft),
    now,
  );
  const texts: Array<{ productId: number; texts: ProductText[] }> = [];
  const fresh: SearchDocument[] = [];
  const documents: SearchDocument[] = [];
  const coded: Array<{ id: number; codes: string[] }> = [];
  created.forEach((product, i) => {
    const row = plan.creates[i];
    if (!row) return;
    if (row.texts.length > 0) texts.push({ productId: product.id, texts: row.texts });
    if (row.codes.length > 0) coded.push({ id: product.id, codes: row.codes });
    fresh.push(documentWith(product, row.texts));
  });
  counts.created += created.length;
  const codesOnly = new Set<number>();
  for (const update of plan.updates) {
    const id = update.current.id;
    const changed = update.patch ? await tx.products.update(id, update.patch, now) : null;
    if (update.stock !== undefined) await tx.products.setStock(id, update.stock, now);
    if (update.texts) texts.push({ productId: id, texts: update.texts });
    if (changed && changed !== 'DUPLICATE_SKU') documents.push(documentWith(changed, update.texts ?? update.row.texts));
    else if (update.texts) documents.push(documentWith(update.current, update.texts));
    if (update.patch || update.stock !== undefined || update.texts) counts.updated += 1;
    else codesOnly.add(id);
    if (update.row.codes.length > 0) coded.push({ id, codes: update.row.codes });
  }
  await tx.texts.replaceMany(texts);
  // The products made in this transaction have no old terms to delete.
  await tx.search.index(fresh, { fresh: true });
  await tx.search.index(documents);
  for (const { id, codes } of coded) {
    const { added } = await tx.codes.add(id, codes, now);
    if (added > 0) await tx.products.releaseStock(id, added);
    counts.codesAdded += added;
    // A code pool that already holds every listed code is a product left as it was.
    if (codesOnly.has(id)) counts[added > 0 ? 'updated' : 'unchanged'] += 1;
  }
  counts.unchanged += plan.unchanged;
  const next: ImportJob = { ...job, counts, rowsDone: job.rowsDone + size, updatedAt: now };
  // The checkpoint is written last and conditionally: a second runner of the same job loses here and rolls back.
  if (!(await tx.catalogImports.save(next, job.rowsDone))) return fail('IMPORT_TAKEN_OVER', `import ${job.id} is being run elsewhere`);
  return ok(next);
}

/**
 * Runs an import job to its end: check every row, then (unless a dry run, or if any row is bad) write batch by batch
 * from where an earlier run of the same file stopped. Rows of products already as the file says change nothing, so
 * importing the same file twice leaves the catalog as it was.
 */
export async function runImport(deps: CatalogDeps, start: ImportJob, source: ImportSource, options: RunOptions): Promise<Result<ImportJob, RunError>> {
  let job: ImportJob = { ...start, status: 'CHECKING', failure: null };
  const resumedCounts = { ...start.counts };
  await checkFile(deps, job, source, options);
  if (job.counts.invalid > 0 || job.dryRun) {
    job.status = job.counts.invalid > 0 ? 'INVALID' : 'CHECKED';
    await save(deps, job, options.persist);
    return ok(job);
  }
  const checked = job.counts;
  job = {
    ...job,
    status: 'IMPORTING',
    counts:
      job.rowsDone > 0
        ? { ...resumedCounts, rows: checked.rows, valid: checked.valid, invalid: 0 }
        : { ...checked, created: 0, updated: 0, unchanged: 0, codesAdded: 0 },
  };
  await save(deps, job, options.persist);
  let categories: ReadonlyMap<string, number> = new Map();
  for await (const batch of readAhead(validBatches(source, deps.limits.currency, deps.webhookTargets.rules, job.sellerId, job.rowsDone))) {
    const current = job;
    const result = await deps.uow.run(async (tx): Promise<Result<ImportJob, RunError | DomainError<'IMPORT_CONFLICT'>>> => {
      // Categories are read again only for a batch that names one (most files name a few, some none).
      if (batch.some((row) => row.category !== null)) categories = await ensureCategories(tx, batch, deps.clock.now());
      const plan = await planBatch(tx, batch, categories);
      if (plan.problems.length > 0) return fail('IMPORT_CONFLICT', 'stored products changed since the check', { problems: plan.problems });
      return applyBatch(tx, deps, current, plan, batch.length);
    });
    if (!result.ok) {
      if (result.error.code === 'IMPORT_TAKEN_OVER') return fail('IMPORT_TAKEN_OVER', result.error.message);
      const problems = (result.error.details?.problems ?? []) as RowProblem[];
      job = { ...job, status: 'FAILED', failure: result.error.message, problems: problems.slice(0, MAX_LISTED_PROBLEMS) };
      await save(deps, job, options.persist);
      return ok(job);
    }
    job = result.value;
    options.onProgress?.({ phase: 'writing', done: job.rowsDone, total: job.counts.valid });
  }
  job = { ...job, status: 'DONE' };
  await save(deps, job, options.persist);
  return ok(job);
}
