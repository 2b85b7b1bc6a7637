import { MigrationInterface, QueryRunner } from 'typeorm';

// The same tables as the MySQL migration, in SQLite's words: INTEGER PRIMARY KEY AUTOINCREMENT for ids, INTEGER
// (64-bit) for epoch-ms times and minor-unit amounts, TEXT for strings (SQLite compares them exactly, like the
// utf8mb4_bin columns on MySQL). Unique keys are separate indexes with the MySQL key names.
const STATEMENTS: string[] = [
  `CREATE TABLE users (
    id TEXT NOT NULL PRIMARY KEY,
    first_name TEXT NULL,
    last_name TEXT NULL,
    username TEXT NULL,
    language_code TEXT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  )`,
  `CREATE TABLE products (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    sku TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    kind TEXT NOT NULL,
    price_amount INTEGER NOT NULL,
    currency TEXT NOT NULL,
    stock INTEGER NULL,
    visible BOOLEAN NOT NULL DEFAULT 1,
    credit_amount INTEGER NULL,
    webhook_url TEXT NULL,
    photo_url TEXT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  )`,
  'CREATE UNIQUE INDEX uq_products_sku ON products (sku)',
  `CREATE TABLE product_codes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    product_id INTEGER NOT NULL REFERENCES products (id),
    code TEXT NOT NULL,
    status TEXT NOT NULL,
    order_no TEXT NULL,
    created_at INTEGER NOT NULL,
    reserved_at INTEGER NULL,
    delivered_at INTEGER NULL
  )`,
  'CREATE UNIQUE INDEX uq_product_codes_product_code ON product_codes (product_id, code)',
  'CREATE INDEX ix_product_codes_product_status ON product_codes (product_id, status)',
  'CREATE INDEX ix_product_codes_order_no ON product_codes (order_no)',
  `CREATE TABLE cart_items (
    user_id TEXT NOT NULL,
    product_id INTEGER NOT NULL,
    quantity INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, product_id)
  )`,
  `CREATE TABLE orders (
    order_no TEXT NOT NULL PRIMARY KEY,
    user_id TEXT NOT NULL,
    status TEXT NOT NULL,
    currency TEXT NOT NULL,
    total_amount INTEGER NOT NULL,
    payment_method TEXT NOT NULL,
    idempotency_key TEXT NULL,
    request_hash TEXT NULL,
    items_key TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    paid_at INTEGER NULL,
    delivered_at INTEGER NULL,
    closed_at INTEGER NULL,
    close_reason TEXT NULL,
    delivery_attempts INTEGER NOT NULL DEFAULT 0,
    next_delivery_at INTEGER NULL,
    last_delivery_error TEXT NULL,
    refunded_amount INTEGER NOT NULL DEFAULT 0,
    fulfilment_note TEXT NULL
  )`,
  'CREATE UNIQUE INDEX uq_orders_user_idempotency ON orders (user_id, idempotency_key)',
  'CREATE INDEX ix_orders_user_status ON orders (user_id, status)',
  'CREATE INDEX ix_orders_status_expires ON orders (status, expires_at)',
  'CREATE INDEX ix_orders_status_next_delivery ON orders (status, next_delivery_at)',
  `CREATE TABLE order_lines (
    order_no TEXT NOT NULL REFERENCES orders (order_no) ON DELETE CASCADE,
    line_no INTEGER NOT NULL,
    product_id INTEGER NOT NULL,
    sku TEXT NOT NULL,
    title TEXT NOT NULL,
    kind TEXT NOT NULL,
    unit_price INTEGER NOT NULL,
    quantity INTEGER NOT NULL,
    line_total INTEGER NOT NULL,
    credit_amount INTEGER NULL,
    webhook_url TEXT NULL,
    PRIMARY KEY (order_no, line_no)
  )`,
  `CREATE TABLE accounts (
    user_id TEXT NOT NULL PRIMARY KEY,
    balance INTEGER NOT NULL DEFAULT 0,
    currency TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  )`,
  `CREATE TABLE ledger_entries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id TEXT NOT NULL REFERENCES accounts (user_id),
    amount INTEGER NOT NULL,
    balance_after INTEGER NOT NULL,
    kind TEXT NOT NULL,
    reason TEXT NOT NULL,
    reference TEXT NOT NULL,
    created_at INTEGER NOT NULL
  )`,
  'CREATE UNIQUE INDEX uq_ledger_entries_user_reference ON ledger_entries (user_id, reference)',
  'CREATE INDEX ix_ledger_entries_user_id ON ledger_entries (user_id, id)',
  `CREATE TABLE payments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    order_no TEXT NOT NULL,
    provider TEXT NOT NULL,
    out_trade_no TEXT NOT NULL,
    amount INTEGER NOT NULL,
    currency TEXT NOT NULL,
    status TEXT NOT NULL,
    code_url TEXT NULL,
    expires_at INTEGER NULL,
    transaction_id TEXT NULL,
    created_at INTEGER NOT NULL,
    paid_at INTEGER NULL
  )`,
  'CREATE UNIQUE INDEX uq_payments_out_trade_no ON payments (out_trade_no)',
  'CREATE UNIQUE INDEX uq_payments_provider_transaction ON payments (provider, transaction_id)',
  'CREATE INDEX ix_payments_order_no ON payments (order_no)',
  `CREATE TABLE outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    topic TEXT NOT NULL,
    payload TEXT NOT NULL,
    dedupe_key TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    locked_by TEXT NULL,
    locked_until INTEGER NULL,
    last_error TEXT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  )`,
  'CREATE UNIQUE INDEX uq_outbox_dedupe_key ON outbox (dedupe_key)',
  'CREATE INDEX ix_outbox_status_next_attempt ON outbox (status, next_attempt_at)',
];

const DROP_ORDER = ['outbox', 'payments', 'ledger_entries', 'accounts', 'order_lines', 'orders', 'cart_items', 'product_codes', 'products', 'users'];

export class InitialSchema1763700000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of STATEMENTS) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of DROP_ORDER) await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
