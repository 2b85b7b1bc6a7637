import { MigrationInterface, QueryRunner } from 'typeorm';

// The category tree and a product's place in it, with the indexes the catalog listing reads in order: every
// (visible, category, sort key, id) the listing asks for is a range scan in index order, never a filesort of the table.
const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
const BIN = 'CHARACTER SET utf8mb4 COLLATE utf8mb4_bin';

const UP: string[] = [
  `CREATE TABLE categories (
    id BIGINT NOT NULL AUTO_INCREMENT,
    parent_id BIGINT NULL,
    slug VARCHAR(48) ${BIN} NOT NULL,
    path VARCHAR(255) ${BIN} NOT NULL,
    position INT NOT NULL DEFAULT 0,
    name VARCHAR(80) NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_categories_path (path),
    KEY ix_categories_parent (parent_id, position, id),
    CONSTRAINT fk_categories_parent FOREIGN KEY (parent_id) REFERENCES categories (id)
  ) ${TABLE_OPTIONS}`,
  `ALTER TABLE products
    ADD COLUMN category_id BIGINT NULL,
    ADD KEY ix_products_category (category_id, id),
    ADD KEY ix_products_visible_id (visible, id),
    ADD KEY ix_products_visible_price (visible, price_amount, id),
    ADD KEY ix_products_visible_category_id (visible, category_id, id),
    ADD KEY ix_products_visible_category_price (visible, category_id, price_amount, id),
    ADD CONSTRAINT fk_products_category FOREIGN KEY (category_id) REFERENCES categories (id)`,
];

const DOWN: string[] = [
  `ALTER TABLE products
    DROP FOREIGN KEY fk_products_category,
    DROP KEY ix_products_visible_category_price,
    DROP KEY ix_products_visible_category_id,
    DROP KEY ix_products_visible_price,
    DROP KEY ix_products_visible_id,
    DROP KEY ix_products_category,
    DROP COLUMN category_id`,
  'DROP TABLE IF EXISTS categories',
];

export class Categories1764633600001 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of DOWN) await queryRunner.query(statement);
  }
}
