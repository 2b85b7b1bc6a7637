import { MigrationInterface, QueryRunner } from 'typeorm';

// The MySQL migration of the same name, in SQLite's words. ADD COLUMN keeps existing shoppers (NULL: follow
// Telegram's language); DROP COLUMN in down() needs SQLite 3.35+, which better-sqlite3 bundles.
const UP: string[] = [
  'ALTER TABLE users ADD COLUMN preferred_language TEXT NULL',
  'CREATE INDEX ix_orders_created_at ON orders (created_at)',
  'CREATE INDEX ix_orders_paid_at ON orders (paid_at)',
  `CREATE TABLE job_runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    job TEXT NOT NULL,
    instance TEXT NOT NULL,
    trigger_kind TEXT NOT NULL,
    started_at INTEGER NOT NULL,
    finished_at INTEGER NOT NULL,
    ok BOOLEAN NOT NULL,
    result TEXT NOT NULL,
    error TEXT NULL
  )`,
  'CREATE INDEX ix_job_runs_job_id ON job_runs (job, id)',
];

const DOWN: string[] = [
  'DROP TABLE IF EXISTS job_runs',
  'DROP INDEX IF EXISTS ix_orders_paid_at',
  'DROP INDEX IF EXISTS ix_orders_created_at',
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
