import { MigrationInterface, QueryRunner } from 'typeorm';

// Where a person's notices are mailed (optional; RFC 5321 caps a path at 254 characters). Read by the mail channel
// once per notice, by primary key: no index.
export class ShopperEmail1764850000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE users ADD COLUMN email VARCHAR(254) NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE users DROP COLUMN email');
  }
}
