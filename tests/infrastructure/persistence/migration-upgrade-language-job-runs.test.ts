// A database deployed by the previous release (initial schema + refunds) gains the shopper language, the sales-range
// indexes and the job-run log in place, keeping its shoppers and orders.
import { DataSource } from 'typeorm';
import { deployedDatabase } from './support/deployed-database';
import { databaseBackends } from '../../support/services';
import { MINUTE, T0, at, orderState } from './support/factories';

const MIGRATION = 'ShopperLanguageStatsJobRuns1763900000000';

describe.each(databaseBackends())(`migration ${MIGRATION} on a deployed database (%s)`, (backend) => {
  const db = deployedDatabase(backend, 2, async (old) => {
    await old.query(
      "INSERT INTO users (id, first_name, last_name, username, language_code, created_at, updated_at) VALUES ('700', 'Old', NULL, 'old_timer', 'ru', ?, ?)",
      [T0.getTime(), T0.getTime()],
    );
    await old.query(
      "INSERT INTO orders (order_no, user_id, status, currency, total_amount, payment_method, items_key, created_at, expires_at, paid_at, refunded_amount) VALUES ('O-OLD', '700', 'PAID', 'CNY', 990, 'wechatpay', '1x1', ?, ?, ?, 0)",
      [T0.getTime(), at(15 * MINUTE).getTime(), at(MINUTE).getTime()],
    );
    await old.query(
      "INSERT INTO order_lines (order_no, line_no, product_id, sku, title, kind, unit_price, quantity, line_total) VALUES ('O-OLD', 1, 5, 'SKU-5', 'Old pack', 'credit', 990, 1, 990)",
    );
  });

  const columnsOf = (dataSource: DataSource, table: string): Promise<Array<{ name: string }>> =>
    db.mysql
      ? dataSource.query('SELECT column_name AS name FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = ?', [table])
      : dataSource.query('SELECT name FROM pragma_table_info(?)', [table]);

  const orderIndexes = async (dataSource: DataSource): Promise<string[]> => {
    const rows: Array<{ name: string }> = db.mysql
      ? await dataSource.query(
          "SELECT DISTINCT index_name AS name FROM information_schema.statistics WHERE table_schema = DATABASE() AND table_name = 'orders'",
        )
      : await dataSource.query("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'orders'");
    return rows.map((row) => row.name);
  };

  it('applies only the new migration; old shoppers follow Telegram, old orders count, job runs can be recorded', async () => {
    const persistence = db.open();
    try {
      expect(await persistence.migrate()).toEqual(db.later);
      expect(await persistence.migrate()).toEqual([]);
      const old = await persistence.uow.run(async (tx) => ({
        profile: await tx.users.find('700'),
        language: await tx.users.preferredLanguage('700'),
        ids: await tx.users.listIds(null, 10),
        count: await tx.users.count(),
        summary: await tx.orders.salesSummary(T0, at(60 * MINUTE), 5),
      }));
      expect(old).toEqual({
        profile: { id: '700', firstName: 'Old', lastName: null, username: 'old_timer', languageCode: 'ru' },
        language: null,
        ids: ['700'],
        count: 1,
        summary: {
          placed: 1,
          paid: 1,
          revenue: 990,
          refunded: 0,
          stars: { paid: 0, revenue: 0, refunded: 0 },
          topProducts: [{ productId: 5, title: 'Old pack', quantity: 1, revenue: 990, starsRevenue: 0 }],
        },
      });
      expect(await persistence.uow.run((tx) => tx.users.setPreferredLanguage('700', 'en'))).toBe(true);
      expect(await persistence.uow.run((tx) => tx.users.preferredLanguage('700'))).toBe('en');
      const firstRun = {
        job: 'repair-payments',
        instance: 'a',
        trigger: 'schedule' as const,
        startedAt: T0,
        finishedAt: at(1),
        ok: true,
        result: {},
        error: null,
      };
      await persistence.jobRuns.record(firstRun);
      expect(await persistence.jobRuns.latest()).toEqual([firstRun]);
      expect(await orderIndexes(persistence.dataSource)).toEqual(expect.arrayContaining(['ix_orders_created_at', 'ix_orders_paid_at']));
      const order = orderState({ userId: '700' });
      expect(await persistence.uow.run((tx) => tx.orders.insert(order))).toBe('INSERTED');
    } finally {
      await persistence.close();
    }
  });

  it('reverts cleanly (down), keeping the shoppers and orders, and applies again', async () => {
    const persistence = db.open();
    try {
      await persistence.migrate();
      expect(db.later[0]).toBe(MIGRATION);
      await db.revert(persistence);
      expect((await columnsOf(persistence.dataSource, 'users')).map((column) => column.name)).not.toContain('preferred_language');
      expect(await orderIndexes(persistence.dataSource)).not.toEqual(expect.arrayContaining(['ix_orders_paid_at']));
      expect(await orderIndexes(persistence.dataSource)).not.toEqual(expect.arrayContaining(['ix_orders_created_at']));
      await expect(persistence.dataSource.query('SELECT COUNT(*) FROM job_runs')).rejects.toThrow();
      const [users] = await persistence.dataSource.query("SELECT COUNT(*) AS n FROM users WHERE id = '700'");
      expect(Number(users.n)).toBe(1);
      expect(await persistence.migrate()).toEqual(db.later);
      expect(await persistence.uow.run((tx) => tx.users.preferredLanguage('700'))).toBeNull();
      expect(await persistence.jobRuns.latest()).toEqual([]);
    } finally {
      await persistence.close();
    }
  });
});
