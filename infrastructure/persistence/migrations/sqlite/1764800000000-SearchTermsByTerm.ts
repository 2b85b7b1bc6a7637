import { MigrationInterface, QueryRunner } from 'typeorm';

// The MySQL migration of the same name, in SQLite's words: a WITHOUT ROWID table's primary key cannot be altered, so
// the table is made again under the new key and the rows copied (in the new key's order: the B-tree is built by
// appending).
const UP: string[] = [
  `CREATE TABLE product_search_terms_by_term (
    product_id INTEGER NOT NULL,
    term TEXT NOT NULL,
    visible BOOLEAN NOT NULL,
    fields INTEGER NOT NULL,
    weight INTEGER NOT NULL,
    PRIMARY KEY (visible, term, weight, product_id)
  ) WITHOUT ROWID`,
  `INSERT INTO product_search_terms_by_term (product_id, term, visible, fields, weight)
     SELECT product_id, term, visible, fields, weight FROM product_search_terms ORDER BY visible, term, weight, product_id`,
  'DROP TABLE product_search_terms',
  'ALTER TABLE product_search_terms_by_term RENAME TO product_search_terms',
  'CREATE UNIQUE INDEX ux_product_search_terms_product ON product_search_terms (product_id, term)',
];

const DOWN: string[] = [
  `CREATE TABLE product_search_terms_by_product (
    product_id INTEGER NOT NULL,
    term TEXT NOT NULL,
    visible BOOLEAN NOT NULL,
    fields INTEGER NOT NULL,
    weight INTEGER NOT NULL,
    PRIMARY KEY (product_id, term)
  ) WITHOUT ROWID`,
  `INSERT INTO product_search_terms_by_product (product_id, term, visible, fields, weight)
     SELECT product_id, term, visible, fields, weight FROM product_search_terms`,
  'DROP TABLE product_search_terms',
  'ALTER TABLE product_search_terms_by_product RENAME TO product_search_terms',
  'CREATE INDEX ix_product_search_terms_find ON product_search_terms (visible, term, weight, product_id)',
];

export class SearchTermsByTerm1764800000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of DOWN) await queryRunner.query(statement);
  }
}
