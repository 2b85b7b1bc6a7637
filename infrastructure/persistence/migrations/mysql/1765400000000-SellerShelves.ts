import { MigrationInterface, QueryRunner } from 'typeorm';

// A suspended seller's goods leave the shelf: products.listed (the shop is open) sits next to visible in every index a
// shopper's listing reads, so the hot catalog page stays one index range read (and its count index-only) with no join
// to sellers. Products of shops not active now are closed, and their search terms filed with the hidden ones.
const UP: string[] = [
  `ALTER TABLE products
    ADD COLUMN listed TINYINT(1) NOT NULL DEFAULT 1 AFTER visible,
    DROP KEY ix_products_visible_id,
    DROP KEY ix_products_visible_price,
    DROP KEY ix_products_visible_category_id,
    DROP KEY ix_products_visible_category_price,
    DROP KEY ix_products_seller_visible_id,
    ADD KEY ix_products_visible_id (visible, listed, id),
    ADD KEY ix_products_visible_price (visible, listed, price_amount, id),
    ADD KEY ix_products_visible_category_id (visible, listed, category_id, id),
    ADD KEY ix_products_visible_category_price (visible, listed, category_id, price_amount, id),
    ADD KEY ix_products_seller_visible_id (seller_id, visible, listed, id)`,
  `UPDATE products SET listed = 0 WHERE seller_id IN (SELECT id FROM sellers WHERE status <> 'active')`,
  `UPDATE product_search_terms SET visible = 0 WHERE visible = 1 AND product_id IN (SELECT id FROM products WHERE listed = 0)`,
];

const DOWN: string[] = [
  // What shoppers find goes back to the products' own visibility.
  `UPDATE product_search_terms SET visible = 1 WHERE visible = 0 AND product_id IN (SELECT id FROM products WHERE listed = 0 AND visible = 1)`,
  `ALTER TABLE products
    DROP KEY ix_products_seller_visible_id,
    DROP KEY ix_products_visible_category_price,
    DROP KEY ix_products_visible_category_id,
    DROP KEY ix_products_visible_price,
    DROP KEY ix_products_visible_id,
    ADD KEY ix_products_visible_id (visible, id),
    ADD KEY ix_products_visible_price (visible, price_amount, id),
    ADD KEY ix_products_visible_category_id (visible, category_id, id),
    ADD KEY ix_products_visible_category_price (visible, category_id, price_amount, id),
    ADD KEY ix_products_seller_visible_id (seller_id, visible, id),
    DROP COLUMN listed`,
];

export class SellerShelves1765400000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of DOWN) await queryRunner.query(statement);
  }
}
