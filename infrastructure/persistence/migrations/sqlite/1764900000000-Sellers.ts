import { MigrationInterface, QueryRunner } from 'typeorm';

// The MySQL migration of the same name, in SQLite's words (ADD COLUMN with a default fills the existing products).
const UP: string[] = [
  `CREATE TABLE sellers (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    telegram_user_id TEXT NULL,
    shop_name TEXT NOT NULL,
    contact TEXT NOT NULL,
    description TEXT NOT NULL,
    email TEXT NULL,
    status TEXT NOT NULL,
    commission_bps INTEGER NULL,
    confirm_window_minutes INTEGER NULL,
    auto_confirm BOOLEAN NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  )`,
  'CREATE UNIQUE INDEX uq_sellers_telegram_user ON sellers (telegram_user_id)',
  'CREATE INDEX ix_sellers_status ON sellers (status, id)',
  `INSERT INTO sellers (id, telegram_user_id, shop_name, contact, description, email, status, commission_bps, confirm_window_minutes, auto_confirm, created_at, updated_at)
    VALUES (1, NULL, 'House', '', '', NULL, 'active', 0, NULL, 1, 0, 0)`,
  `CREATE TABLE seller_balances (
    seller_id INTEGER PRIMARY KEY NOT NULL REFERENCES sellers (id),
    balance_minor INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  )`,
  `CREATE TABLE seller_ledger (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    seller_id INTEGER NOT NULL REFERENCES sellers (id),
    kind TEXT NOT NULL,
    amount_minor INTEGER NOT NULL,
    commission_minor INTEGER NOT NULL,
    order_no TEXT NULL,
    payout_id TEXT NULL,
    reference TEXT NOT NULL,
    created_at INTEGER NOT NULL
  )`,
  'CREATE UNIQUE INDEX uq_seller_ledger_once ON seller_ledger (seller_id, kind, order_no, reference)',
  'CREATE UNIQUE INDEX uq_seller_ledger_payout ON seller_ledger (seller_id, kind, payout_id)',
  'CREATE INDEX ix_seller_ledger_order ON seller_ledger (order_no)',
  `CREATE TABLE seller_payouts (
    id TEXT PRIMARY KEY NOT NULL,
    seller_id INTEGER NOT NULL REFERENCES sellers (id),
    amount_minor INTEGER NOT NULL,
    currency TEXT NOT NULL,
    status TEXT NOT NULL,
    reference TEXT NULL,
    requested_at INTEGER NOT NULL,
    settled_at INTEGER NULL
  )`,
  'CREATE INDEX ix_seller_payouts_seller ON seller_payouts (seller_id, requested_at)',
  'CREATE INDEX ix_seller_payouts_status ON seller_payouts (status, requested_at)',
  `INSERT INTO seller_balances (seller_id, balance_minor, updated_at) VALUES (1, 0, 0)`,
  'ALTER TABLE products ADD COLUMN seller_id INTEGER NOT NULL DEFAULT 1',
  'DROP INDEX uq_products_sku',
  'CREATE UNIQUE INDEX uq_products_seller_sku ON products (seller_id, sku)',
  'CREATE INDEX ix_products_seller_visible_id ON products (seller_id, visible, id)',
  // An import belongs to the shop whose products it lists (the house's until now).
  'ALTER TABLE catalog_imports ADD COLUMN seller_id INTEGER NOT NULL DEFAULT 1',
];

const DOWN: string[] = [
  'ALTER TABLE catalog_imports DROP COLUMN seller_id',
  'DROP INDEX IF EXISTS ix_products_seller_visible_id',
  'DROP INDEX IF EXISTS uq_products_seller_sku',
  'CREATE UNIQUE INDEX uq_products_sku ON products (sku)',
  'ALTER TABLE products DROP COLUMN seller_id',
  'DROP TABLE IF EXISTS seller_payouts',
  'DROP TABLE IF EXISTS seller_ledger',
  'DROP TABLE IF EXISTS seller_balances',
  'DROP TABLE IF EXISTS sellers',
];

export class Sellers1764900000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of DOWN) await queryRunner.query(statement);
  }
}
