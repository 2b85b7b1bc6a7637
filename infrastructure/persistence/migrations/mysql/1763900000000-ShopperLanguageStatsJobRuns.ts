import { MigrationInterface, QueryRunner } from 'typeorm';

// The shopper's /lang choice, the ranges the admin's sales summary reads (orders placed / paid in a period) and the
// cluster-wide job-run log. Existing shoppers keep following Telegram's language (NULL).
const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
const BIN = 'CHARACTER SET utf8mb4 COLLATE utf8mb4_bin';

const UP: string[] = [
  'ALTER TABLE users ADD COLUMN preferred_language VARCHAR(8) NULL',
  'ALTER TABLE orders ADD KEY ix_orders_created_at (created_at), ADD KEY ix_orders_paid_at (paid_at)',
  // job is the key latest() groups by, so it compares exactly (bin) as on SQLite.
  `CREATE TABLE job_runs (
    id BIGINT NOT NULL AUTO_INCREMENT,
    job VARCHAR(64) ${BIN} NOT NULL,
    instance VARCHAR(128) ${BIN} NOT NULL,
    trigger_kind VARCHAR(16) NOT NULL,
    started_at BIGINT NOT NULL,
    finished_at BIGINT NOT NULL,
    ok TINYINT(1) NOT NULL,
    result TEXT NOT NULL,
    error TEXT NULL,
    PRIMARY KEY (id),
    KEY ix_job_runs_job_id (job, id)
  ) ${TABLE_OPTIONS}`,
];

const DOWN: string[] = [
  'DROP TABLE IF EXISTS job_runs',
  'ALTER TABLE orders DROP KEY ix_orders_paid_at, DROP KEY ix_orders_created_at',
  'ALTER TABLE users DROP COLUMN preferred_language',
];

export class ShopperLanguageStatsJobRuns1763900000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of DOWN) await queryRunner.query(statement);
  }
}
