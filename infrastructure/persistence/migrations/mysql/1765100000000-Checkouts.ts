import { MigrationInterface, QueryRunner } from 'typeorm';

// Buying from several sellers at once (issue 13): a checkout holds one order per seller and ONE payment for the
// total (the payment's order_no and out_trade_no are the checkout's number). Seller orders carry their seller, their
// hold (confirmation window and deadline), the delivery option and address picked for physical goods, and the
// shipment. Sellers manage delivery options; shoppers keep one shipping address. Existing orders are the house's
// (seller 1) and belong to no checkout, so nothing about them changes.
// Identifiers compare byte for byte, as the other tables' do (a shopper's key `abc` is not `ABC`).
const BIN = 'CHARACTER SET utf8mb4 COLLATE utf8mb4_bin';

const UP: string[] = [
  `CREATE TABLE checkouts (
    checkout_no VARCHAR(32) ${BIN} NOT NULL,
    user_id VARCHAR(32) ${BIN} NOT NULL,
    status VARCHAR(16) NOT NULL,
    currency VARCHAR(3) NOT NULL,
    total_amount BIGINT NOT NULL,
    payment_method VARCHAR(16) NOT NULL,
    idempotency_key VARCHAR(191) ${BIN} NULL,
    request_hash VARCHAR(128) ${BIN} NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    paid_at BIGINT NULL,
    closed_at BIGINT NULL,
    PRIMARY KEY (checkout_no),
    UNIQUE KEY uq_checkouts_user_idempotency (user_id, idempotency_key),
    KEY ix_checkouts_user_created (user_id, created_at)
  ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
  `ALTER TABLE orders
    ADD COLUMN seller_id BIGINT NOT NULL DEFAULT 1,
    ADD COLUMN checkout_no VARCHAR(32) ${BIN} NULL,
    ADD COLUMN confirm_window_minutes INT NULL,
    ADD COLUMN confirm_by BIGINT NULL,
    ADD COLUMN delivery_option_id BIGINT NULL,
    ADD COLUMN delivery_name VARCHAR(64) NULL,
    ADD COLUMN delivery_fee BIGINT NULL,
    ADD COLUMN delivery_days INT NULL,
    ADD COLUMN shipping_address TEXT NULL,
    ADD COLUMN carrier VARCHAR(64) NULL,
    ADD COLUMN tracking_no VARCHAR(64) NULL,
    ADD COLUMN shipped_at BIGINT NULL,
    ADD COLUMN receive_by BIGINT NULL,
    ADD KEY ix_orders_checkout (checkout_no),
    ADD KEY ix_orders_seller_created (seller_id, created_at),
    ADD KEY ix_orders_status_confirm_by (status, confirm_by),
    ADD KEY ix_orders_status_receive_by (status, receive_by)`,
  `CREATE TABLE delivery_options (
    id BIGINT NOT NULL AUTO_INCREMENT,
    seller_id BIGINT NOT NULL,
    name VARCHAR(64) NOT NULL,
    fee_amount BIGINT NOT NULL,
    estimated_days INT NOT NULL,
    active TINYINT(1) NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (id),
    KEY ix_delivery_options_seller (seller_id, active)
  ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
  `CREATE TABLE shipping_addresses (
    user_id VARCHAR(32) ${BIN} NOT NULL,
    recipient VARCHAR(64) NOT NULL,
    phone VARCHAR(32) NOT NULL,
    address TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (user_id)
  ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
];

const DOWN: string[] = [
  'DROP TABLE shipping_addresses',
  'DROP TABLE delivery_options',
  `ALTER TABLE orders
    DROP KEY ix_orders_checkout,
    DROP KEY ix_orders_seller_created,
    DROP KEY ix_orders_status_confirm_by,
    DROP KEY ix_orders_status_receive_by,
    DROP COLUMN seller_id,
    DROP COLUMN checkout_no,
    DROP COLUMN confirm_window_minutes,
    DROP COLUMN confirm_by,
    DROP COLUMN delivery_option_id,
    DROP COLUMN delivery_name,
    DROP COLUMN delivery_fee,
    DROP COLUMN delivery_days,
    DROP COLUMN shipping_address,
    DROP COLUMN carrier,
    DROP COLUMN tracking_no,
    DROP COLUMN shipped_at,
    DROP COLUMN receive_by`,
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
