import { MigrationInterface, QueryRunner } from 'typeorm';

// Times are BIGINT epoch ms and money BIGINT minor units. Identifiers, keys and codes use utf8mb4_bin so that they
// compare exactly as on SQLite (case- and trailing-space-sensitive); human text keeps the table's unicode collation.
const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
const BIN = 'CHARACTER SET utf8mb4 COLLATE utf8mb4_bin';

const TABLES: string[] = [
  `CREATE TABLE users (
    id VARCHAR(32) ${BIN} NOT NULL,
    first_name VARCHAR(255) NULL,
    last_name VARCHAR(255) NULL,
    username VARCHAR(64) NULL,
    language_code VARCHAR(16) NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (id)
  ) ${TABLE_OPTIONS}`,
  `CREATE TABLE products (
    id BIGINT NOT NULL AUTO_INCREMENT,
    sku VARCHAR(64) ${BIN} NOT NULL,
    title VARCHAR(255) NOT NULL,
    description TEXT NOT NULL,
    kind VARCHAR(16) NOT NULL,
    price_amount BIGINT NOT NULL,
    currency CHAR(3) NOT NULL,
    stock BIGINT NULL,
    visible TINYINT(1) NOT NULL DEFAULT 1,
    credit_amount BIGINT NULL,
    webhook_url VARCHAR(2048) NULL,
    photo_url VARCHAR(2048) NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_products_sku (sku)
  ) ${TABLE_OPTIONS}`,
  `CREATE TABLE product_codes (
    id BIGINT NOT NULL AUTO_INCREMENT,
    product_id BIGINT NOT NULL,
    code VARCHAR(512) ${BIN} NOT NULL,
    status VARCHAR(16) NOT NULL,
    order_no VARCHAR(32) ${BIN} NULL,
    created_at BIGINT NOT NULL,
    reserved_at BIGINT NULL,
    delivered_at BIGINT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_product_codes_product_code (product_id, code),
    KEY ix_product_codes_product_status (product_id, status),
    KEY ix_product_codes_order_no (order_no),
    CONSTRAINT fk_product_codes_product FOREIGN KEY (product_id) REFERENCES products (id)
  ) ${TABLE_OPTIONS}`,
  `CREATE TABLE cart_items (
    user_id VARCHAR(32) ${BIN} NOT NULL,
    product_id BIGINT NOT NULL,
    quantity INT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, product_id)
  ) ${TABLE_OPTIONS}`,
  `CREATE TABLE orders (
    order_no VARCHAR(32) ${BIN} NOT NULL,
    user_id VARCHAR(32) ${BIN} NOT NULL,
    status VARCHAR(24) NOT NULL,
    currency CHAR(3) NOT NULL,
    total_amount BIGINT NOT NULL,
    payment_method VARCHAR(16) NOT NULL,
    idempotency_key VARCHAR(191) ${BIN} NULL,
    request_hash VARCHAR(128) ${BIN} NULL,
    items_key TEXT ${BIN} NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    paid_at BIGINT NULL,
    delivered_at BIGINT NULL,
    closed_at BIGINT NULL,
    close_reason TEXT NULL,
    delivery_attempts INT NOT NULL DEFAULT 0,
    next_delivery_at BIGINT NULL,
    last_delivery_error TEXT NULL,
    refunded_amount BIGINT NOT NULL DEFAULT 0,
    fulfilment_note TEXT NULL,
    PRIMARY KEY (order_no),
    UNIQUE KEY uq_orders_user_idempotency (user_id, idempotency_key),
    KEY ix_orders_user_status (user_id, status),
    KEY ix_orders_status_expires (status, expires_at),
    KEY ix_orders_status_next_delivery (status, next_delivery_at)
  ) ${TABLE_OPTIONS}`,
  `CREATE TABLE order_lines (
    order_no VARCHAR(32) ${BIN} NOT NULL,
    line_no INT NOT NULL,
    product_id BIGINT NOT NULL,
    sku VARCHAR(64) ${BIN} NOT NULL,
    title VARCHAR(255) NOT NULL,
    kind VARCHAR(16) NOT NULL,
    unit_price BIGINT NOT NULL,
    quantity INT NOT NULL,
    line_total BIGINT NOT NULL,
    credit_amount BIGINT NULL,
    webhook_url VARCHAR(2048) NULL,
    PRIMARY KEY (order_no, line_no),
    CONSTRAINT fk_order_lines_order FOREIGN KEY (order_no) REFERENCES orders (order_no) ON DELETE CASCADE
  ) ${TABLE_OPTIONS}`,
  `CREATE TABLE accounts (
    user_id VARCHAR(32) ${BIN} NOT NULL,
    balance BIGINT NOT NULL DEFAULT 0,
    currency CHAR(3) NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (user_id)
  ) ${TABLE_OPTIONS}`,
  `CREATE TABLE ledger_entries (
    id BIGINT NOT NULL AUTO_INCREMENT,
    user_id VARCHAR(32) ${BIN} NOT NULL,
    amount BIGINT NOT NULL,
    balance_after BIGINT NOT NULL,
    kind VARCHAR(16) NOT NULL,
    reason TEXT NOT NULL,
    reference VARCHAR(191) ${BIN} NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_ledger_entries_user_reference (user_id, reference),
    KEY ix_ledger_entries_user_id (user_id, id),
    CONSTRAINT fk_ledger_entries_account FOREIGN KEY (user_id) REFERENCES accounts (user_id)
  ) ${TABLE_OPTIONS}`,
  `CREATE TABLE payments (
    id BIGINT NOT NULL AUTO_INCREMENT,
    order_no VARCHAR(32) ${BIN} NOT NULL,
    provider VARCHAR(32) ${BIN} NOT NULL,
    out_trade_no VARCHAR(64) ${BIN} NOT NULL,
    amount BIGINT NOT NULL,
    currency CHAR(3) NOT NULL,
    status VARCHAR(16) NOT NULL,
    code_url VARCHAR(1024) NULL,
    expires_at BIGINT NULL,
    transaction_id VARCHAR(64) ${BIN} NULL,
    created_at BIGINT NOT NULL,
    paid_at BIGINT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_payments_out_trade_no (out_trade_no),
    UNIQUE KEY uq_payments_provider_transaction (provider, transaction_id),
    KEY ix_payments_order_no (order_no)
  ) ${TABLE_OPTIONS}`,
  `CREATE TABLE outbox (
    id BIGINT NOT NULL AUTO_INCREMENT,
    topic VARCHAR(64) NOT NULL,
    payload MEDIUMTEXT NOT NULL,
    dedupe_key VARCHAR(191) ${BIN} NOT NULL,
    status VARCHAR(8) NOT NULL,
    attempts INT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    locked_by VARCHAR(64) ${BIN} NULL,
    locked_until BIGINT NULL,
    last_error TEXT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_outbox_dedupe_key (dedupe_key),
    KEY ix_outbox_status_next_attempt (status, next_attempt_at)
  ) ${TABLE_OPTIONS}`,
];

const DROP_ORDER = ['outbox', 'payments', 'ledger_entries', 'accounts', 'order_lines', 'orders', 'cart_items', 'product_codes', 'products', 'users'];

export class InitialSchema1763700000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of TABLES) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of DROP_ORDER) await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
