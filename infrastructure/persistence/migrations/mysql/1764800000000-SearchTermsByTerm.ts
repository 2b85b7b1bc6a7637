import { MigrationInterface, QueryRunner } from 'typeorm';

// The search index clustered by what a search asks (docs/search.md, "Import at scale"): the primary key becomes
// (visible, term, weight, product_id), so a word's postings are one range of the table itself, in rank order, and an
// import appends to the end of each word's range (ids grow) instead of inserting at random into a second B-tree.
// (product_id, term) stays unique as the secondary key that rewrites one product's terms; it holds the primary key's
// columns too, so a multi-word query's join on it never reads the table. One ALTER: MariaDB rebuilds the table once,
// sorting, which is far faster than row by row. The rows themselves do not change.
const UP: string[] = [
  `ALTER TABLE product_search_terms
     DROP PRIMARY KEY,
     DROP INDEX ix_product_search_terms_find,
     ADD PRIMARY KEY (visible, term, weight, product_id),
     ADD UNIQUE KEY ux_product_search_terms_product (product_id, term)`,
];

const DOWN: string[] = [
  `ALTER TABLE product_search_terms
     DROP PRIMARY KEY,
     DROP INDEX ux_product_search_terms_product,
     ADD PRIMARY KEY (product_id, term),
     ADD KEY ix_product_search_terms_find (visible, term, weight, product_id)`,
];

export class SearchTermsByTerm1764800000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of DOWN) await queryRunner.query(statement);
  }
}
