import { MigrationInterface, QueryRunner } from 'typeorm';

// Telegram Stars: a product's price in stars (XTR, whole stars; null = not sold for Stars), and transaction ids wide
// enough for Telegram's `telegram_payment_charge_id` (longer than WeChat's 32 or Alipay's 64 characters). The
// (provider, transaction_id) unique key stays: it is what makes a second `successful_payment` for one charge a no-op.
const UP: string[] = [
  'ALTER TABLE products ADD COLUMN stars_price BIGINT NULL',
  'ALTER TABLE payments MODIFY transaction_id VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL',
  'ALTER TABLE refunds MODIFY transaction_id VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL',
];

const DOWN: string[] = [
  'ALTER TABLE refunds MODIFY transaction_id VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL',
  'ALTER TABLE payments MODIFY transaction_id VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL',
  'ALTER TABLE products DROP COLUMN stars_price',
];

export class TelegramStars1764950000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of DOWN) await queryRunner.query(statement);
  }
}
