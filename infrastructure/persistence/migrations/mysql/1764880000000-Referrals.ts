import { MigrationInterface, QueryRunner } from 'typeorm';

const BIN = 'CHARACTER SET utf8mb4 COLLATE utf8mb4_bin';

// Who invited whom: one row per referee (the primary key: one inviter each, a second link refused), decided once
// (PENDING → REWARDED | VOID | CAPPED by a conditional update). The inviter's counts read ix_referrals_referrer; the
// job's pending scan reads ix_referrals_status. Credits in minor units as paid, for the caps and reconcile.
export class Referrals1764880000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE referrals (
      referee_id VARCHAR(32) ${BIN} NOT NULL PRIMARY KEY,
      referrer_id VARCHAR(32) ${BIN} NOT NULL,
      status VARCHAR(16) NOT NULL,
      order_no VARCHAR(32) ${BIN} NULL,
      referrer_credit BIGINT NOT NULL DEFAULT 0,
      referee_credit BIGINT NOT NULL DEFAULT 0,
      created_at BIGINT NOT NULL,
      decided_at BIGINT NULL,
      KEY ix_referrals_referrer (referrer_id, status),
      KEY ix_referrals_status (status, created_at)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE referrals');
  }
}
