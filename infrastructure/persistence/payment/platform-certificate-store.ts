import { DataSource } from 'typeorm';
import { PlatformCertificate } from '../../payment/wechatpay/platform-certificates';
import { PlatformCertificateStore } from '../../payment/wechatpay/platform-key-refresher';
import { Dialect } from '../dialect';
import { OutsideTransactionGate } from '../job-runs/typeorm-job-run-log';

/** Certificates expired this long ago are deleted when new ones are saved: the table holds the live ones and a few more. */
const KEEP_EXPIRED_MS = 30 * 24 * 3600_000;

/** WeChat Pay platform certificates in the shared database, in short autocommitted statements outside any unit of work. */
export class TypeormPlatformCertificateStore implements PlatformCertificateStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly gate: OutsideTransactionGate,
    private readonly dialect: Dialect,
  ) {}

  load(): Promise<Array<{ serial: string; pem: string }>> {
    return this.gate.runOutsideTransaction(async () => {
      const rows = (await this.dataSource.query('SELECT serial, pem FROM wechatpay_platform_certificates')) as Array<{ serial: string; pem: string }>;
      return rows.map((r) => ({ serial: String(r.serial), pem: String(r.pem) }));
    });
  }

  save(certificates: ReadonlyArray<PlatformCertificate>): Promise<void> {
    if (certificates.length === 0) return Promise.resolve();
    const insert = this.dialect === 'mysql' ? 'INSERT IGNORE INTO' : 'INSERT OR IGNORE INTO';
    const values = certificates.map(() => '(?, ?, ?, ?)').join(', ');
    const now = Date.now();
    const params = certificates.flatMap((c) => [c.serial, c.pem, c.notAfter.getTime(), now]);
    return this.gate.runOutsideTransaction(async () => {
      await this.dataSource.query(`${insert} wechatpay_platform_certificates (serial, pem, not_after, fetched_at) VALUES ${values}`, params);
      await this.dataSource.query('DELETE FROM wechatpay_platform_certificates WHERE not_after < ?', [now - KEEP_EXPIRED_MS]);
    });
  }
}
