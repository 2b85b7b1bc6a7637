import { MigrationInterface, QueryRunner } from 'typeorm';

// Whether the bot can write to a shopper: 'open' (the bot has seen their private chat), 'none' (known only through
// the API / Mini App, or Telegram said the chat is gone), NULL for shoppers from before (tried, as they were).
export class ShopperChatState1764300000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE users ADD COLUMN chat_state VARCHAR(8) NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE users DROP COLUMN chat_state');
  }
}
