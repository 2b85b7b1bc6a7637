import { MigrationInterface, QueryRunner } from 'typeorm';

// The MySQL migration of the same name (coupons, their redemptions, an order's coupon and discount, a line's share
// of it) in SQLite's words. Codes are stored upper-case, so the byte-wise unique index is the case-insensitive one.
const UP: string[] = [
  `CREATE TABLE coupons (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    code TEXT NOT NULL,
    kind TEXT NOT NULL,
    value INTEGER NOT NULL,
    currency TEXT NOT NULL,
    min_total INTEGER NOT NULL,
    seller_id INTEGER NOT NULL,
    scope_kind TEXT NOT NULL,
    scope_ids TEXT NOT NULL,
    starts_at INTEGER NULL,
    ends_at INTEGER NULL,
    total_limit INTEGER NULL,
    per_shopper_limit INTEGER NULL,
    first_order_only BOOLEAN NOT NULL,
    active BOOLEAN NOT NULL,
    used INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  )`,
  'CREATE UNIQUE INDEX uq_coupons_code ON coupons (code)',
  `CREATE TABLE coupon_redemptions (
    purchase_no TEXT NOT NULL PRIMARY KEY,
    coupon_id INTEGER NOT NULL,
    user_id TEXT NOT NULL,
    discount INTEGER NOT NULL,
    status TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    released_at INTEGER NULL
  )`,
  'CREATE INDEX ix_coupon_redemptions_coupon_user ON coupon_redemptions (coupon_id, user_id, status)',
  'ALTER TABLE orders ADD COLUMN coupon_code TEXT NULL',
  'ALTER TABLE orders ADD COLUMN discount_amount INTEGER NOT NULL DEFAULT 0',
  'ALTER TABLE order_lines ADD COLUMN discount INTEGER NOT NULL DEFAULT 0',
];

const DOWN: string[] = [
  'ALTER TABLE order_lines DROP COLUMN discount',
  'ALTER TABLE orders DROP COLUMN discount_amount',
  'ALTER TABLE orders DROP COLUMN coupon_code',
  'DROP INDEX ix_coupon_redemptions_coupon_user',
  'DROP TABLE coupon_redemptions',
  'DROP INDEX uq_coupons_code',
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
