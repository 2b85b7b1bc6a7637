import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
const BIN = 'CHARACTER SET utf8mb4 COLLATE utf8mb4_bin';

// The support desk and restock alerts. A shopper has at most one ticket that is not closed: `active_user` holds the
// shopper's id while the ticket is active and NULL once closed, and its unique key (NULLs never collide) enforces it.
// Messages keep Telegram file_ids, not bytes; `relayed_at` NULL is a message still on its way to the other side.
const UP: string[] = [
  `CREATE TABLE support_tickets (
    id BIGINT NOT NULL AUTO_INCREMENT,
    user_id VARCHAR(32) ${BIN} NOT NULL,
    order_no VARCHAR(32) ${BIN} NULL,
    status VARCHAR(24) NOT NULL,
    assignee VARCHAR(32) ${BIN} NULL,
    thread_id BIGINT NULL,
    active_user VARCHAR(32) ${BIN} NULL,
    waiting_since BIGINT NULL,
    reminded BOOLEAN NOT NULL DEFAULT FALSE,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    closed_at BIGINT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_support_tickets_active_user (active_user),
    KEY ix_support_tickets_user (user_id, id),
    KEY ix_support_tickets_status (status, id),
    KEY ix_support_tickets_thread (thread_id),
    KEY ix_support_tickets_unanswered (status, reminded, waiting_since)
  ) ${TABLE_OPTIONS}`,
  `CREATE TABLE support_messages (
    id BIGINT NOT NULL AUTO_INCREMENT,
    ticket_id BIGINT NOT NULL,
    direction VARCHAR(12) NOT NULL,
    author_id VARCHAR(32) ${BIN} NOT NULL,
    author_name VARCHAR(64) NOT NULL,
    kind VARCHAR(12) NOT NULL,
    text TEXT NOT NULL,
    file_id VARCHAR(255) ${BIN} NULL,
    file_name VARCHAR(255) NULL,
    created_at BIGINT NOT NULL,
    relayed_at BIGINT NULL,
    PRIMARY KEY (id),
    KEY ix_support_messages_ticket (ticket_id, id)
  ) ${TABLE_OPTIONS}`,
  `CREATE TABLE restock_alerts (
    id BIGINT NOT NULL AUTO_INCREMENT,
    product_id BIGINT NOT NULL,
    user_id VARCHAR(32) ${BIN} NOT NULL,
    status VARCHAR(12) NOT NULL,
    round INT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    sent_at BIGINT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_restock_alerts_product_user (product_id, user_id),
    KEY ix_restock_alerts_waiting (product_id, status, id)
  ) ${TABLE_OPTIONS}`,
];

export class SupportAndRestock1764960000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['restock_alerts', 'support_messages', 'support_tickets']) await queryRunner.query(`DROP TABLE ${table}`);
  }
}
