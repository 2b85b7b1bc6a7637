import { EntityManager, In } from 'typeorm';
import { IMPORT_FORMATS, IMPORT_STATUSES, ImportCounts, ImportJob, ImportJobRepository, RowProblem } from '../../../domain/catalog';
import { affectedRows } from '../affected-rows';
import { oneOf, toDate, toMs } from '../columns';
import { CatalogImportEntity, CatalogImportRow } from './catalog-import-entity';

const jobFromRow = (row: CatalogImportRow): ImportJob => ({
  id: row.id,
  sellerId: row.seller_id,
  fileName: row.file_name,
  fileDigest: row.file_digest,
  format: oneOf(IMPORT_FORMATS, row.format, 'catalog_imports.format'),
  dryRun: Boolean(row.dry_run),
  status: oneOf(IMPORT_STATUSES, row.status, 'catalog_imports.status'),
  counts: JSON.parse(row.counts) as ImportCounts,
  rowsDone: row.rows_done,
  problems: JSON.parse(row.problems) as RowProblem[],
  failure: row.failure,
  createdAt: toDate(row.created_at),
  updatedAt: toDate(row.updated_at),
});

const stateOf = (job: ImportJob) => ({
  status: job.status,
  counts: JSON.stringify(job.counts),
  rows_done: job.rowsDone,
  problems: JSON.stringify(job.problems),
  failure: job.failure,
  updated_at: toMs(job.updatedAt),
});

export class TypeormCatalogImportRepository implements ImportJobRepository {
  constructor(private readonly manager: EntityManager) {}

  async insert(job: ImportJob): Promise<void> {
    await this.manager
      .createQueryBuilder()
      .insert()
      .into(CatalogImportEntity)
      .values({
        id: job.id,
        seller_id: job.sellerId,
        file_name: job.fileName,
        file_digest: job.fileDigest,
        format: job.format,
        dry_run: job.dryRun,
        created_at: toMs(job.createdAt),
        ...stateOf(job),
      })
      .updateEntity(false)
      .execute();
  }

  async findById(id: string): Promise<ImportJob | null> {
    const row = await this.manager.findOneBy(CatalogImportEntity, { id });
    return row ? jobFromRow(row) : null;
  }

  async findResumable(fileDigest: string, sellerId: number): Promise<ImportJob | null> {
    const row = await this.manager.findOne(CatalogImportEntity, {
      where: { file_digest: fileDigest, seller_id: sellerId, dry_run: false, status: In(['IMPORTING', 'FAILED']) },
      order: { created_at: 'DESC' },
    });
    return row ? jobFromRow(row) : null;
  }

  async save(job: ImportJob, expectedRowsDone: number): Promise<boolean> {
    const result = await this.manager
      .createQueryBuilder()
      .update(CatalogImportEntity)
      .set(stateOf(job))
      .where('id = :id AND rows_done = :expectedRowsDone', { id: job.id, expectedRowsDone })
      .execute();
    return affectedRows(result) === 1;
  }
}
