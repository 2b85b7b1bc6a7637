import { MigrationInterface, QueryRunner } from 'typeorm';

// The MySQL migration of the same name, in SQLite's words.
const UP: string[] = [
  `CREATE TABLE product_translations (
    product_id INTEGER NOT NULL REFERENCES products (id),
    lang TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT NULL,
    PRIMARY KEY (product_id, lang)
  )`,
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
