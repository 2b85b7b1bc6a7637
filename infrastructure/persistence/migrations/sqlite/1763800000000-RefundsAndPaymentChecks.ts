import { MigrationInterface, QueryRunner } from 'typeorm';

// The MySQL migration of the same name, in SQLite's words. ADD COLUMN keeps existing payments (NULL, 0 attempts);
// DROP COLUMN in down() needs SQLite 3.35+, which better-sqlite3 bundles.
const UP: string[] = [
  `CREATE TABLE refunds (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    out_refund_no TEXT NOT NULL,
    order_no TEXT NOT NULL REFERENCES orders (order_no),
    provider TEXT NOT NULL,
    out_trade_no TEXT NOT NULL,
    amount INTEGER NOT NULL,
    currency TEXT NOT NULL,
    reason TEXT NOT NULL,
    status TEXT NOT NULL,
    order_status_before TEXT NOT NULL,
    provider_refund_id TEXT NULL,
    last_error TEXT NULL,
    next_check_at INTEGER NULL,
    created_at INTEGER NOT NULL,
    completed_at INTEGER NULL
  )`,
  'CREATE UNIQUE INDEX uq_refunds_out_refund_no ON refunds (out_refund_no)',
  'CREATE INDEX ix_refunds_status_next_check ON refunds (status, next_check_at)',
  'CREATE INDEX ix_refunds_order_no ON refunds (order_no)',
  'ALTER TABLE payments ADD COLUMN next_check_at INTEGER NULL',
  'ALTER TABLE payments ADD COLUMN check_attempts INTEGER NOT NULL DEFAULT 0',
  'CREATE INDEX ix_payments_provider_status_next_check ON payments (provider, status, next_check_at)',
];

const DOWN: string[] = [
  'DROP INDEX IF EXISTS ix_payments_provider_status_next_check',
  'ALTER TABLE payments DROP COLUMN check_attempts',
  'ALTER TABLE payments DROP COLUMN next_check_at',
  'DROP TABLE IF EXISTS refunds',
];

export class RefundsAndPaymentChecks1763800000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of DOWN) await queryRunner.query(statement);
  }
}
