import { MigrationInterface, QueryRunner } from 'typeorm';

// Reviews: one per order line (the unique key decides a race), read per product by (product_id, hidden, id) — a
// card's average and newest reviews are one range — and by admins newest first, hidden or not.
export class ProductReviews1764870000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE product_reviews (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        product_id BIGINT NOT NULL,
        order_no VARCHAR(32) NOT NULL,
        line_no INT NOT NULL,
        user_id VARCHAR(32) NOT NULL,
        author_name VARCHAR(64) NOT NULL,
        rating INT NOT NULL,
        text VARCHAR(2000) NOT NULL DEFAULT '',
        hidden BOOLEAN NOT NULL DEFAULT 0,
        created_at BIGINT NOT NULL,
        UNIQUE (order_no, line_no)
      )`);
    await queryRunner.query('CREATE INDEX ix_product_reviews_product ON product_reviews (product_id, hidden, id)');
    await queryRunner.query('CREATE INDEX ix_product_reviews_hidden ON product_reviews (hidden, id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE product_reviews');
  }
}
