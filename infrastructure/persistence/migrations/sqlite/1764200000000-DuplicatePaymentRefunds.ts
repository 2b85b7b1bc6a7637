import { MigrationInterface, QueryRunner } from 'typeorm';

// The MySQL migration of the same name, in SQLite's words.
const UP: string[] = [
  "ALTER TABLE refunds ADD COLUMN kind TEXT NOT NULL DEFAULT 'ORDER'",
  'ALTER TABLE refunds ADD COLUMN transaction_id TEXT NULL',
  'CREATE INDEX ix_refunds_kind_status ON refunds (kind, status)',
];

const DOWN: string[] = [
  'DROP INDEX IF EXISTS ix_refunds_kind_status',
  'ALTER TABLE refunds DROP COLUMN transaction_id',
  'ALTER TABLE refunds DROP COLUMN kind',
];

export class DuplicatePaymentRefunds1764200000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of DOWN) await queryRunner.query(statement);
  }
}
