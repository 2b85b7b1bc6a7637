import { MigrationInterface, QueryRunner } from 'typeorm';

// The search index in buckets of 32,768 product ids (docs/search.md, "Buckets"): the primary key becomes
// (visible, bucket, term, weight, product_id), bucket = product_id DIV 32768, so an import writes into the newest
// bucket's part of the index (which fits the buffer pool) instead of into one tail page per word over the whole
// catalog. The terms already there are kept: copied into the new table one bucket at a time (each statement reads
// its bucket through (product_id, term) and writes a part of the new table small enough to stay in the pool, with a
// bounded undo log), the unique key built once after the copy (sorted, not row by row), then the tables swapped.
// 32768 is term-buckets.ts's BUCKET_BITS = 15 as it was when this ran; a later change of size needs its own migration.
const BUCKET_SIZE = 32768;

export class SearchTermBuckets1765500000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE IF EXISTS product_search_terms_bucketed');
    await queryRunner.query('CREATE TABLE product_search_terms_bucketed LIKE product_search_terms');
    await queryRunner.query(
      `ALTER TABLE product_search_terms_bucketed
         ADD COLUMN bucket MEDIUMINT UNSIGNED NOT NULL AFTER visible,
         DROP INDEX ux_product_search_terms_product,
         DROP PRIMARY KEY,
         ADD PRIMARY KEY (visible, bucket, term, weight, product_id)`,
    );
    const last: Array<{ id: number | string | null }> = await queryRunner.query('SELECT MAX(product_id) AS id FROM product_search_terms');
    const lastBucket = Math.floor(Number(last[0]?.id ?? 0) / BUCKET_SIZE);
    for (let bucket = 0; bucket <= lastBucket; bucket += 1)
      await queryRunner.query(
        `INSERT INTO product_search_terms_bucketed (visible, bucket, term, weight, product_id, fields)
           SELECT visible, ${bucket}, term, weight, product_id, fields FROM product_search_terms
            WHERE product_id >= ? AND product_id < ?`,
        [bucket * BUCKET_SIZE, (bucket + 1) * BUCKET_SIZE],
      );
    await queryRunner.query('ALTER TABLE product_search_terms_bucketed ADD UNIQUE KEY ux_product_search_terms_product (product_id, term)');
    await queryRunner.query('DROP TABLE product_search_terms');
    await queryRunner.query('RENAME TABLE product_search_terms_bucketed TO product_search_terms');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE product_search_terms
         DROP PRIMARY KEY,
         DROP COLUMN bucket,
         ADD PRIMARY KEY (visible, term, weight, product_id)`,
    );
  }
}
