import { MigrationInterface, QueryRunner } from 'typeorm';

// Who invited whom (see the MySQL migration): one row per referee, decided once.
export class Referrals1764880000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE referrals (
      referee_id VARCHAR(32) NOT NULL PRIMARY KEY,
      referrer_id VARCHAR(32) NOT NULL,
      status VARCHAR(16) NOT NULL,
      order_no VARCHAR(32) NULL,
      referrer_credit BIGINT NOT NULL DEFAULT 0,
      referee_credit BIGINT NOT NULL DEFAULT 0,
      created_at BIGINT NOT NULL,
      decided_at BIGINT NULL
    )`);
    await queryRunner.query('CREATE INDEX ix_referrals_referrer ON referrals (referrer_id, status)');
    await queryRunner.query('CREATE INDEX ix_referrals_status ON referrals (status, created_at)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE referrals');
  }
}
