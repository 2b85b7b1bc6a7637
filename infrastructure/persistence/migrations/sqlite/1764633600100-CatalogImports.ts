import { MigrationInterface, QueryRunner } from 'typeorm';

// The MySQL migration of the same name, in SQLite's words.
const UP: string[] = [
  `CREATE TABLE catalog_imports (
    id TEXT PRIMARY KEY NOT NULL,
    file_name TEXT NOT NULL,
    file_digest TEXT NOT NULL,
    format TEXT NOT NULL,
    dry_run BOOLEAN NOT NULL,
    status TEXT NOT NULL,
    counts TEXT NOT NULL,
    rows_done INTEGER NOT NULL,
    problems TEXT NOT NULL,
    failure TEXT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  )`,
  'CREATE INDEX ix_catalog_imports_digest ON catalog_imports (file_digest, created_at)',
];

const DOWN: string[] = ['DROP INDEX IF EXISTS ix_catalog_imports_digest', 'DROP TABLE IF EXISTS catalog_imports'];

export class CatalogImports1764633600100 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of DOWN) await queryRunner.query(statement);
  }
}
