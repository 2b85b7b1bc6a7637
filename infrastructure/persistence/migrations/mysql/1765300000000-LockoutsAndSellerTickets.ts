import { MigrationInterface, QueryRunner } from 'typeorm';

// Abuse limits at checkout (issue 15): every failed checkout of a shopper (an unpaid order that expired, a refused
// coupon) is one row; enough of them within the window lock the shopper out of checkout. The lock sits on the
// shopper's row (checkout_locked_until), so the placement's own row lock (an UPDATE of users) checks it for free;
// checkout_failures_counted_after says which failures a lock (or an admin's lift) has used up.
// (user_id, failed_at) serves the count and the admins' view; failed_at the prune job.
// Sellers get tickets about their own orders (issue 15, item 1): a ticket remembers the seller (not the house) of
// its order, and each line who wrote it (shopper, staff, seller; NULL on older rows: told by the direction).
const BIN = 'CHARACTER SET utf8mb4 COLLATE utf8mb4_bin';

const UP: string[] = [
  `CREATE TABLE checkout_failures (
    id BIGINT NOT NULL AUTO_INCREMENT,
    user_id VARCHAR(32) ${BIN} NOT NULL,
    reason VARCHAR(32) NOT NULL,
    ref VARCHAR(64) NULL,
    failed_at BIGINT NOT NULL,
    PRIMARY KEY (id),
    KEY ix_checkout_failures_user_failed (user_id, failed_at),
    KEY ix_checkout_failures_failed (failed_at)
  ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
  `ALTER TABLE users
    ADD COLUMN checkout_locked_until BIGINT NULL,
    ADD COLUMN checkout_failures_counted_after BIGINT NULL`,
  'ALTER TABLE support_tickets ADD COLUMN seller_id BIGINT NULL, ADD KEY ix_support_tickets_seller (seller_id, id)',
  'ALTER TABLE support_messages ADD COLUMN author_role VARCHAR(12) NULL',
];

const DOWN: string[] = ['ALTER TABLE users DROP COLUMN checkout_locked_until, DROP COLUMN checkout_failures_counted_after', 'DROP TABLE checkout_failures'];

export class LockoutsAndSellerTickets1765300000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of DOWN) await queryRunner.query(statement);
  }
}
