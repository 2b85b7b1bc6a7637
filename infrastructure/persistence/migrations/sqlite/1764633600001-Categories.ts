import { MigrationInterface, QueryRunner } from 'typeorm';

// The MySQL migration of the same name, in SQLite's words. ADD COLUMN with a REFERENCES clause is allowed because the
// column defaults to NULL.
const UP: string[] = [
  `CREATE TABLE categories (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    parent_id INTEGER NULL REFERENCES categories (id),
    slug TEXT NOT NULL,
    path TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    name TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  )`,
  'CREATE UNIQUE INDEX uq_categories_path ON categories (path)',
  'CREATE INDEX ix_categories_parent ON categories (parent_id, position, id)',
  'ALTER TABLE products ADD COLUMN category_id INTEGER NULL REFERENCES categories (id)',
  'CREATE INDEX ix_products_category ON products (category_id, id)',
  'CREATE INDEX ix_products_visible_id ON products (visible, id)',
  'CREATE INDEX ix_products_visible_price ON products (visible, price_amount, id)',
  'CREATE INDEX ix_products_visible_category_id ON products (visible, category_id, id)',
  'CREATE INDEX ix_products_visible_category_price ON products (visible, category_id, price_amount, id)',
];

const DOWN: string[] = [
  'DROP INDEX IF EXISTS ix_products_visible_category_price',
  'DROP INDEX IF EXISTS ix_products_visible_category_id',
  'DROP INDEX IF EXISTS ix_products_visible_price',
  'DROP INDEX IF EXISTS ix_products_visible_id',
  'DROP INDEX IF EXISTS ix_products_category',
  'ALTER TABLE products DROP COLUMN category_id',
  'DROP TABLE IF EXISTS categories',
];

export class Categories1764633600001 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of DOWN) await queryRunner.query(statement);
  }
}
