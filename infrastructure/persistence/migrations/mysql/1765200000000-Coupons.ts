import { MigrationInterface, QueryRunner } from 'typeorm';

// Coupons (issue 15): the coupons an admin issues, with their counter of uses (`used`, raised by a conditional UPDATE
// in the placing transaction and lowered when the order closes unpaid), and one redemption per purchase (an order
// or a checkout) that took one. Orders keep the coupon and the discount they got, each line its share of it, so a
// line's paid amount is line_total - discount and the order's total stays Σ(line_total - discount) + delivery fee.
// Existing orders got no discount: the new columns default to none.
const BIN = 'CHARACTER SET utf8mb4 COLLATE utf8mb4_bin';

const UP: string[] = [
  `CREATE TABLE coupons (
    id BIGINT NOT NULL AUTO_INCREMENT,
    code VARCHAR(32) ${BIN} NOT NULL,
    kind VARCHAR(16) NOT NULL,
    value BIGINT NOT NULL,
    currency VARCHAR(3) NOT NULL,
    min_total BIGINT NOT NULL,
    seller_id BIGINT NOT NULL,
    scope_kind VARCHAR(16) NOT NULL,
    scope_ids TEXT NOT NULL,
    starts_at BIGINT NULL,
    ends_at BIGINT NULL,
    total_limit INT NULL,
    per_shopper_limit INT NULL,
    first_order_only TINYINT(1) NOT NULL,
    active TINYINT(1) NOT NULL,
    used INT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_coupons_code (code)
  ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
  `CREATE TABLE coupon_redemptions (
    purchase_no VARCHAR(32) ${BIN} NOT NULL,
    coupon_id BIGINT NOT NULL,
    user_id VARCHAR(32) ${BIN} NOT NULL,
    discount BIGINT NOT NULL,
    status VARCHAR(16) NOT NULL,
    created_at BIGINT NOT NULL,
    released_at BIGINT NULL,
    PRIMARY KEY (purchase_no),
    KEY ix_coupon_redemptions_coupon_user (coupon_id, user_id, status)
  ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
  `ALTER TABLE orders
    ADD COLUMN coupon_code VARCHAR(32) ${BIN} NULL,
    ADD COLUMN discount_amount BIGINT NOT NULL DEFAULT 0`,
  'ALTER TABLE order_lines ADD COLUMN discount BIGINT NOT NULL DEFAULT 0',
];

const DOWN: string[] = [
  'ALTER TABLE order_lines DROP COLUMN discount',
  'ALTER TABLE orders DROP COLUMN coupon_code, DROP COLUMN discount_amount',
  'DROP TABLE coupon_redemptions',
  'DROP TABLE coupons',
];

export class Coupons1765200000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of DOWN) await queryRunner.query(statement);
  }
}
