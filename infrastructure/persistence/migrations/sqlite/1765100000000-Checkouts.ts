import { MigrationInterface, QueryRunner } from 'typeorm';

// The MySQL migration of the same name (checkouts, seller orders, delivery options, shipping addresses) in SQLite's
// words: one ALTER per added column.
const UP: string[] = [
  `CREATE TABLE checkouts (
    checkout_no TEXT NOT NULL PRIMARY KEY,
    user_id TEXT NOT NULL,
    status TEXT NOT NULL,
    currency TEXT NOT NULL,
    total_amount INTEGER NOT NULL,
    payment_method TEXT NOT NULL,
    idempotency_key TEXT NULL,
    request_hash TEXT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    paid_at INTEGER NULL,
    closed_at INTEGER NULL
  )`,
  'CREATE UNIQUE INDEX uq_checkouts_user_idempotency ON checkouts (user_id, idempotency_key)',
  'CREATE INDEX ix_checkouts_user_created ON checkouts (user_id, created_at)',
  'ALTER TABLE orders ADD COLUMN seller_id INTEGER NOT NULL DEFAULT 1',
  'ALTER TABLE orders ADD COLUMN checkout_no TEXT NULL',
  'ALTER TABLE orders ADD COLUMN confirm_window_minutes INTEGER NULL',
  'ALTER TABLE orders ADD COLUMN confirm_by INTEGER NULL',
  'ALTER TABLE orders ADD COLUMN delivery_option_id INTEGER NULL',
  'ALTER TABLE orders ADD COLUMN delivery_name TEXT NULL',
  'ALTER TABLE orders ADD COLUMN delivery_fee INTEGER NULL',
  'ALTER TABLE orders ADD COLUMN delivery_days INTEGER NULL',
  'ALTER TABLE orders ADD COLUMN shipping_address TEXT NULL',
  'ALTER TABLE orders ADD COLUMN carrier TEXT NULL',
  'ALTER TABLE orders ADD COLUMN tracking_no TEXT NULL',
  'ALTER TABLE orders ADD COLUMN shipped_at INTEGER NULL',
  'ALTER TABLE orders ADD COLUMN receive_by INTEGER NULL',
  'CREATE INDEX ix_orders_checkout ON orders (checkout_no)',
  'CREATE INDEX ix_orders_seller_created ON orders (seller_id, created_at)',
  'CREATE INDEX ix_orders_status_confirm_by ON orders (status, confirm_by)',
  'CREATE INDEX ix_orders_status_receive_by ON orders (status, receive_by)',
  `CREATE TABLE delivery_options (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    seller_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    fee_amount INTEGER NOT NULL,
    estimated_days INTEGER NOT NULL,
    active BOOLEAN NOT NULL,
    created_at INTEGER NOT NULL
  )`,
  'CREATE INDEX ix_delivery_options_seller ON delivery_options (seller_id, active)',
  `CREATE TABLE shipping_addresses (
    user_id TEXT NOT NULL PRIMARY KEY,
    recipient TEXT NOT NULL,
    phone TEXT NOT NULL,
    address TEXT NOT NULL,
    updated_at INTEGER NOT NULL
  )`,
];

const DOWN: string[] = [
  'DROP TABLE shipping_addresses',
  'DROP TABLE delivery_options',
  'DROP INDEX ix_orders_checkout',
  'DROP INDEX ix_orders_seller_created',
  'DROP INDEX ix_orders_status_confirm_by',
  'DROP INDEX ix_orders_status_receive_by',
  'ALTER TABLE orders DROP COLUMN receive_by',
  'ALTER TABLE orders DROP COLUMN shipped_at',
  'ALTER TABLE orders DROP COLUMN tracking_no',
  'ALTER TABLE orders DROP COLUMN carrier',
  'ALTER TABLE orders DROP COLUMN shipping_address',
  'ALTER TABLE orders DROP COLUMN delivery_days',
  'ALTER TABLE orders DROP COLUMN delivery_fee',
  'ALTER TABLE orders DROP COLUMN delivery_name',
  'ALTER TABLE orders DROP COLUMN delivery_option_id',
  'ALTER TABLE orders DROP COLUMN confirm_by',
  'ALTER TABLE orders DROP COLUMN confirm_window_minutes',
  'ALTER TABLE orders DROP COLUMN checkout_no',
  'ALTER TABLE orders DROP COLUMN seller_id',
  'DROP TABLE checkouts',
];

export class Checkouts1765100000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of DOWN) await queryRunner.query(statement);
  }
}
