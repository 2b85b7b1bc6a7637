import { MigrationInterface, QueryRunner } from 'typeorm';

// Reviews: one per order line (the unique key decides a race), read per product by (product_id, hidden, id) — a
// card's average and newest reviews are one range — and by admins newest first, hidden or not.
export class ProductReviews1764870000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE product_reviews (
        id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
        product_id BIGINT NOT NULL,
        order_no VARCHAR(32) NOT NULL,
        line_no INT NOT NULL,
        user_id VARCHAR(32) NOT NULL,
        author_name VARCHAR(64) NOT NULL,
        rating INT NOT NULL,
        text VARCHAR(2000) NOT NULL DEFAULT '',
        hidden TINYINT(1) NOT NULL DEFAULT 0,
        created_at BIGINT NOT NULL,
        UNIQUE KEY uq_product_reviews_order_line (order_no, line_no),
        KEY ix_product_reviews_product (product_id, hidden, id),
        KEY ix_product_reviews_hidden (hidden, id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE product_reviews');
  }
}
