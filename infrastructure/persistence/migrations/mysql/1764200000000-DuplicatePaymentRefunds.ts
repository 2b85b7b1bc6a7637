import { MigrationInterface, QueryRunner } from 'typeorm';

// A refund is either (part of) an order's price or a whole second charge for an order already paid (a duplicate
// payment), which is refunded by its own transaction id. Existing refunds are order refunds.
const BIN = 'CHARACTER SET utf8mb4 COLLATE utf8mb4_bin';

const UP: string[] = [
  `ALTER TABLE refunds
    ADD COLUMN kind VARCHAR(24) NOT NULL DEFAULT 'ORDER',
    ADD COLUMN transaction_id VARCHAR(64) ${BIN} NULL,
    ADD KEY ix_refunds_kind_status (kind, status)`,
];

const DOWN: string[] = ['ALTER TABLE refunds DROP KEY ix_refunds_kind_status, DROP COLUMN transaction_id, DROP COLUMN kind'];

export class DuplicatePaymentRefunds1764200000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of DOWN) await queryRunner.query(statement);
  }
}
