import { MigrationInterface, QueryRunner } from 'typeorm';

// The MySQL migration of the same name, in SQLite's words: WITHOUT ROWID keeps the rows in primary-key order, as
// InnoDB does. Terms compare byte-wise (SQLite's BINARY), which is code-point order for UTF-8: a prefix is a range.
const UP: string[] = [
  `CREATE TABLE product_search_terms (
    product_id INTEGER NOT NULL,
    term TEXT NOT NULL,
    visible BOOLEAN NOT NULL,
    fields INTEGER NOT NULL,
    weight INTEGER NOT NULL,
    PRIMARY KEY (product_id, term)
  ) WITHOUT ROWID`,
  'CREATE INDEX ix_product_search_terms_find ON product_search_terms (visible, term, weight, product_id)',
];

const DOWN: string[] = ['DROP TABLE IF EXISTS product_search_terms'];

export class ProductSearchTerms1764633600002 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of DOWN) await queryRunner.query(statement);
  }
}
