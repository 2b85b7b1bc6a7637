import { MigrationInterface, QueryRunner } from 'typeorm';

// The catalog's import jobs: their progress, counts and listed problems (MEDIUMTEXT: up to a thousand problems), and
// the committed-rows checkpoint a rerun of the same file resumes from (found by the file's digest).
const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
const BIN = 'CHARACTER SET utf8mb4 COLLATE utf8mb4_bin';

const UP: string[] = [
  `CREATE TABLE catalog_imports (
    id VARCHAR(36) ${BIN} NOT NULL,
    file_name VARCHAR(255) NOT NULL,
    file_digest CHAR(64) ${BIN} NOT NULL,
    format VARCHAR(8) NOT NULL,
    dry_run TINYINT(1) NOT NULL,
    status VARCHAR(16) NOT NULL,
    counts TEXT NOT NULL,
    rows_done BIGINT NOT NULL,
    problems MEDIUMTEXT NOT NULL,
    failure TEXT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (id),
    KEY ix_catalog_imports_digest (file_digest, created_at)
  ) ${TABLE_OPTIONS}`,
];

const DOWN: string[] = ['DROP TABLE IF EXISTS catalog_imports'];

export class CatalogImports1764633600100 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of DOWN) await queryRunner.query(statement);
  }
}
