import { MigrationInterface, QueryRunner } from 'typeorm';

// The MySQL migration of the same name, in SQLite's words: the WITHOUT ROWID table is made again under the key
// (visible, bucket, term, weight, product_id), bucket = product_id / 32768 (integer division), and the rows copied in
// that order (the B-tree is built by appending). The same table and SQL on both engines keeps one contract test.
const UP: string[] = [
  `CREATE TABLE product_search_terms_bucketed (
    product_id INTEGER NOT NULL,
    term TEXT NOT NULL,
    visible BOOLEAN NOT NULL,
    bucket INTEGER NOT NULL,
    fields INTEGER NOT NULL,
    weight INTEGER NOT NULL,
    PRIMARY KEY (visible, bucket, term, weight, product_id)
  ) WITHOUT ROWID`,
  `INSERT INTO product_search_terms_bucketed (product_id, term, visible, bucket, fields, weight)
     SELECT product_id, term, visible, product_id / 32768, fields, weight FROM product_search_terms
      ORDER BY visible, product_id / 32768, term, weight, product_id`,
  'DROP TABLE product_search_terms',
  'ALTER TABLE product_search_terms_bucketed RENAME TO product_search_terms',
  'CREATE UNIQUE INDEX ux_product_search_terms_product ON product_search_terms (product_id, term)',
];

const DOWN: string[] = [
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

export class SearchTermBuckets1765500000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of DOWN) await queryRunner.query(statement);
  }
}
