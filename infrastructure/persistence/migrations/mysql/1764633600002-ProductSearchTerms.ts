import { MigrationInterface, QueryRunner } from 'typeorm';

// The search index (docs/search.md): one row per (product, term), kept in the product write's transaction. The
// primary key rewrites one product's terms; ix_product_search_terms_find answers a term or a prefix in weight order.
// The terms of the products that exist are written by the catalog (or `npm run reindex`), not by this migration.
const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin';

const UP: string[] = [
  `CREATE TABLE product_search_terms (
    product_id BIGINT NOT NULL,
    term VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    visible TINYINT(1) NOT NULL,
    fields TINYINT NOT NULL,
    weight SMALLINT NOT NULL,
    PRIMARY KEY (product_id, term),
    KEY ix_product_search_terms_find (visible, term, weight, product_id)
  ) ${TABLE_OPTIONS}`,
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
