import { MigrationInterface, QueryRunner } from 'typeorm';

// The MySQL migration of the same name (failed checkouts per shopper, the lockout on the shopper's row; a ticket's
// seller and each line's author role) in SQLite's words.
const UP: string[] = [
  `CREATE TABLE checkout_failures (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id TEXT NOT NULL,
    reason TEXT NOT NULL,
    ref TEXT NULL,
    failed_at INTEGER NOT NULL
  )`,
  'CREATE INDEX ix_checkout_failures_user_failed ON checkout_failures (user_id, failed_at)',
  'CREATE INDEX ix_checkout_failures_failed ON checkout_failures (failed_at)',
  'ALTER TABLE users ADD COLUMN checkout_locked_until INTEGER NULL',
  'ALTER TABLE users ADD COLUMN checkout_failures_counted_after INTEGER NULL',
  'ALTER TABLE support_tickets ADD COLUMN seller_id INTEGER NULL',
  'CREATE INDEX ix_support_tickets_seller ON support_tickets (seller_id, id)',
  'ALTER TABLE support_messages ADD COLUMN author_role TEXT NULL',
];

const DOWN: string[] = [
  'ALTER TABLE support_messages DROP COLUMN author_role',
  'DROP INDEX ix_support_tickets_seller',
  'ALTER TABLE support_tickets DROP COLUMN seller_id',
  'ALTER TABLE users DROP COLUMN checkout_failures_counted_after',
  'ALTER TABLE users DROP COLUMN checkout_locked_until',
  'DROP TABLE checkout_failures',
];

export class LockoutsAndSellerTickets1765300000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of DOWN) await queryRunner.query(statement);
  }
}
