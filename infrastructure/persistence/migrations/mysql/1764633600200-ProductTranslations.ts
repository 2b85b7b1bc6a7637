import { MigrationInterface, QueryRunner } from 'typeorm';

// A product's title and description in the shop's other languages; a language without a row (or a NULL description)
// falls back to the product's own text. Removed with the product's row only (products are never deleted).
const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

const UP: string[] = [
  `CREATE TABLE product_translations (
    product_id BIGINT NOT NULL,
    lang VARCHAR(8) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    title VARCHAR(255) NOT NULL,
    description TEXT NULL,
    PRIMARY KEY (product_id, lang),
    CONSTRAINT fk_product_translations_product FOREIGN KEY (product_id) REFERENCES products (id)
  ) ${TABLE_OPTIONS}`,
];

const DOWN: string[] = ['DROP TABLE IF EXISTS product_translations'];

export class ProductTranslations1764633600200 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of DOWN) await queryRunner.query(statement);
  }
}
