import { MigrationInterface, QueryRunner } from 'typeorm';

// The MySQL migration of the same name, in SQLite's words (see there for the why of `active_user`).
const UP: string[] = [
  `CREATE TABLE support_tickets (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id TEXT NOT NULL,
    order_no TEXT NULL,
    status TEXT NOT NULL,
    assignee TEXT NULL,
    thread_id INTEGER NULL,
    active_user TEXT NULL,
    waiting_since INTEGER NULL,
    reminded BOOLEAN NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    closed_at INTEGER NULL
  )`,
  'CREATE UNIQUE INDEX uq_support_tickets_active_user ON support_tickets (active_user)',
  'CREATE INDEX ix_support_tickets_user ON support_tickets (user_id, id)',
  'CREATE INDEX ix_support_tickets_status ON support_tickets (status, id)',
  'CREATE INDEX ix_support_tickets_thread ON support_tickets (thread_id)',
  'CREATE INDEX ix_support_tickets_unanswered ON support_tickets (status, reminded, waiting_since)',
  `CREATE TABLE support_messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    ticket_id INTEGER NOT NULL,
    direction TEXT NOT NULL,
    author_id TEXT NOT NULL,
    author_name TEXT NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    file_id TEXT NULL,
    file_name TEXT NULL,
    created_at INTEGER NOT NULL,
    relayed_at INTEGER NULL
  )`,
  'CREATE INDEX ix_support_messages_ticket ON support_messages (ticket_id, id)',
  `CREATE TABLE restock_alerts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    product_id INTEGER NOT NULL,
    user_id TEXT NOT NULL,
    status TEXT NOT NULL,
    round INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    sent_at INTEGER NULL
  )`,
  'CREATE UNIQUE INDEX uq_restock_alerts_product_user ON restock_alerts (product_id, user_id)',
  'CREATE INDEX ix_restock_alerts_waiting ON restock_alerts (product_id, status, id)',
];

export class SupportAndRestock1764960000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['restock_alerts', 'support_messages', 'support_tickets']) await queryRunner.query(`DROP TABLE ${table}`);
  }
}
