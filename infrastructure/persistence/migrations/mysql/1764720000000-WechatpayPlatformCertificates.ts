import { MigrationInterface, QueryRunner } from 'typeorm';

// WeChat Pay platform certificates downloaded from /v3/certificates, shared by every instance (one download serves
// all; an instance started after a rotation trusts the new key at once). Milliseconds since the epoch, as job_runs.
export class WechatpayPlatformCertificates1764720000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE wechatpay_platform_certificates (serial VARCHAR(64) NOT NULL PRIMARY KEY, pem TEXT NOT NULL, not_after BIGINT NOT NULL, fetched_at BIGINT NOT NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE wechatpay_platform_certificates');
  }
}
