import { MigrationInterface, QueryRunner } from 'typeorm';

// Refunds, and the repair bookkeeping of pay orders. A separate migration: the initial one may already be applied on
// deployed databases, so existing payments gain the columns here (never checked yet: NULL, 0 attempts).
const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
const BIN = 'CHARACTER SET utf8mb4 COLLATE utf8mb4_bin';

const UP: string[] = [
  // order_no matches orders.order_no exactly (type, charset, collation): InnoDB refuses a foreign key otherwise.
  `CREATE TABLE refunds (
    id BIGINT NOT NULL AUTO_INCREMENT,
    out_refund_no VARCHAR(64) ${BIN} NOT NULL,
    order_no VARCHAR(32) ${BIN} NOT NULL,
    provider VARCHAR(32) ${BIN} NOT NULL,
    out_trade_no VARCHAR(64) ${BIN} NOT NULL,
    amount BIGINT NOT NULL,
    currency CHAR(3) NOT NULL,
    reason VARCHAR(255) NOT NULL,
    status VARCHAR(16) NOT NULL,
    order_status_before VARCHAR(24) NOT NULL,
    provider_refund_id VARCHAR(64) ${BIN} NULL,
    last_error TEXT NULL,
    next_check_at BIGINT NULL,
    created_at BIGINT NOT NULL,
    completed_at BIGINT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_refunds_out_refund_no (out_refund_no),
    KEY ix_refunds_status_next_check (status, next_check_at),
    KEY ix_refunds_order_no (order_no),
    CONSTRAINT fk_refunds_order FOREIGN KEY (order_no) REFERENCES orders (order_no)
  ) ${TABLE_OPTIONS}`,
  `ALTER TABLE payments
    ADD COLUMN next_check_at BIGINT NULL,
    ADD COLUMN check_attempts INT NOT NULL DEFAULT 0,
    ADD KEY ix_payments_provider_status_next_check (provider, status, next_check_at)`,
];

const DOWN: string[] = [
  `ALTER TABLE payments
    DROP KEY ix_payments_provider_status_next_check,
    DROP COLUMN check_attempts,
    DROP COLUMN next_check_at`,
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
