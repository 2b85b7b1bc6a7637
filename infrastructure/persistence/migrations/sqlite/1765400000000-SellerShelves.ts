import { MigrationInterface, QueryRunner } from 'typeorm';

// The MySQL migration of the same name, in SQLite's words: the listing indexes are made again with `listed` in them.
const INDEXES = {
  ix_products_visible_id: ['(visible, id)', '(visible, listed, id)'],
  ix_products_visible_price: ['(visible, price_amount, id)', '(visible, listed, price_amount, id)'],
  ix_products_visible_category_id: ['(visible, category_id, id)', '(visible, listed, category_id, id)'],
  ix_products_visible_category_price: ['(visible, category_id, price_amount, id)', '(visible, listed, category_id, price_amount, id)'],
  ix_products_seller_visible_id: ['(seller_id, visible, id)', '(seller_id, visible, listed, id)'],
} as const;

const rebuilt = (which: 0 | 1): string[] =>
  Object.entries(INDEXES).flatMap(([name, columns]) => [`DROP INDEX IF EXISTS ${name}`, `CREATE INDEX ${name} ON products ${columns[which]}`]);

const UP: string[] = [
  'ALTER TABLE products ADD COLUMN listed INTEGER NOT NULL DEFAULT 1',
  ...rebuilt(1),
  `UPDATE products SET listed = 0 WHERE seller_id IN (SELECT id FROM sellers WHERE status <> 'active')`,
  `UPDATE product_search_terms SET visible = 0 WHERE visible = 1 AND product_id IN (SELECT id FROM products WHERE listed = 0)`,
];

const DOWN: string[] = [
  `UPDATE product_search_terms SET visible = 1 WHERE visible = 0 AND product_id IN (SELECT id FROM products WHERE listed = 0 AND visible = 1)`,
  ...rebuilt(0),
  'ALTER TABLE products DROP COLUMN listed',
];

export class SellerShelves1765400000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of DOWN) await queryRunner.query(statement);
  }
}
