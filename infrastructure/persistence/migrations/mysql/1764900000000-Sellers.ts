import { MigrationInterface, QueryRunner } from 'typeorm';

// The marketplace's sellers: the shops, their money (a balance per shop with an append-only ledger, and payouts), the
// products' seller and mail addresses for notices. The existing shop becomes the house seller, id 1: every product
// there is gets seller_id 1 by the column's default, so existing orders and products keep working unchanged. SKUs
// become unique per seller (two shops may both use TSHIRT-1): the importer matches a file's SKUs within its seller.
const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
const BIN = 'CHARACTER SET utf8mb4 COLLATE utf8mb4_bin';

const UP: string[] = [
  `CREATE TABLE sellers (
    id BIGINT NOT NULL AUTO_INCREMENT,
    telegram_user_id VARCHAR(32) ${BIN} NULL,
    shop_name VARCHAR(255) NOT NULL,
    contact VARCHAR(255) NOT NULL,
    description TEXT NOT NULL,
    email VARCHAR(191) NULL,
    status VARCHAR(16) NOT NULL,
    commission_bps INT NULL,
    confirm_window_minutes INT NULL,
    auto_confirm TINYINT(1) NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_sellers_telegram_user (telegram_user_id),
    KEY ix_sellers_status (status, id)
  ) ${TABLE_OPTIONS}`,
  `INSERT INTO sellers (id, telegram_user_id, shop_name, contact, description, email, status, commission_bps, confirm_window_minutes, auto_confirm, created_at, updated_at)
    VALUES (1, NULL, 'House', '', '', NULL, 'active', 0, NULL, 1, 0, 0)`,
  `CREATE TABLE seller_balances (
    seller_id BIGINT NOT NULL,
    balance_minor BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (seller_id),
    CONSTRAINT fk_seller_balances_seller FOREIGN KEY (seller_id) REFERENCES sellers (id)
  ) ${TABLE_OPTIONS}`,
  `CREATE TABLE seller_ledger (
    id BIGINT NOT NULL AUTO_INCREMENT,
    seller_id BIGINT NOT NULL,
    kind VARCHAR(16) NOT NULL,
    amount_minor BIGINT NOT NULL,
    commission_minor BIGINT NOT NULL,
    order_no VARCHAR(32) ${BIN} NULL,
    payout_id VARCHAR(36) ${BIN} NULL,
    reference VARCHAR(191) ${BIN} NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_seller_ledger_once (seller_id, kind, order_no, reference),
    UNIQUE KEY uq_seller_ledger_payout (seller_id, kind, payout_id),
    KEY ix_seller_ledger_order (order_no),
    CONSTRAINT fk_seller_ledger_seller FOREIGN KEY (seller_id) REFERENCES sellers (id)
  ) ${TABLE_OPTIONS}`,
  `CREATE TABLE seller_payouts (
    id VARCHAR(36) ${BIN} NOT NULL,
    seller_id BIGINT NOT NULL,
    amount_minor BIGINT NOT NULL,
    currency VARCHAR(3) NOT NULL,
    status VARCHAR(16) NOT NULL,
    reference VARCHAR(191) NULL,
    requested_at BIGINT NOT NULL,
    settled_at BIGINT NULL,
    PRIMARY KEY (id),
    KEY ix_seller_payouts_seller (seller_id, requested_at),
    KEY ix_seller_payouts_status (status, requested_at),
    CONSTRAINT fk_seller_payouts_seller FOREIGN KEY (seller_id) REFERENCES sellers (id)
  ) ${TABLE_OPTIONS}`,
  // Every seller has its balance row from the start (the house's here, a new seller's with its insert).
  `INSERT INTO seller_balances (seller_id, balance_minor, updated_at) VALUES (1, 0, 0)`,
  `ALTER TABLE products
    ADD COLUMN seller_id BIGINT NOT NULL DEFAULT 1 AFTER id,
    DROP KEY uq_products_sku,
    ADD UNIQUE KEY uq_products_seller_sku (seller_id, sku),
    ADD KEY ix_products_seller_visible_id (seller_id, visible, id),
    ADD CONSTRAINT fk_products_seller FOREIGN KEY (seller_id) REFERENCES sellers (id)`,
  // An import belongs to the shop whose products it lists (the house's until now).
  'ALTER TABLE catalog_imports ADD COLUMN seller_id BIGINT NOT NULL DEFAULT 1',
];

const DOWN: string[] = [
  'ALTER TABLE catalog_imports DROP COLUMN seller_id',
  `ALTER TABLE products
    DROP FOREIGN KEY fk_products_seller,
    DROP KEY ix_products_seller_visible_id,
    DROP KEY uq_products_seller_sku,
    ADD UNIQUE KEY uq_products_sku (sku),
    DROP COLUMN seller_id`,
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
