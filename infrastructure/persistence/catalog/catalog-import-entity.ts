import { EntitySchema } from 'typeorm';
import { bigintColumn, booleanColumn, stringColumn, textColumn } from '../columns';

export interface CatalogImportRow {
  id: string;
  seller_id: number;
  file_name: string;
  file_digest: string;
  format: string;
  dry_run: boolean;
  status: string;
  /** ImportCounts as a JSON object of numbers. */
  counts: string;
  rows_done: number;
  /** The listed RowProblems as a JSON array. */
  problems: string;
  failure: string | null;
  created_at: number;
  updated_at: number;
}

export const CatalogImportEntity = new EntitySchema<CatalogImportRow>({
  name: 'CatalogImport',
  tableName: 'catalog_imports',
  columns: {
    id: stringColumn(36, false, true),
    seller_id: bigintColumn(),
    file_name: stringColumn(255),
    file_digest: stringColumn(64),
    format: stringColumn(8),
    dry_run: booleanColumn(),
    status: stringColumn(16),
    counts: textColumn(),
    rows_done: bigintColumn(),
    problems: textColumn(),
    failure: textColumn(true),
    created_at: bigintColumn(),
    updated_at: bigintColumn(),
  },
});
