// A database deployed before refunds existed (only the initial migration applied) is upgraded in place, through every
// later migration.
import { deployedDatabase } from './support/deployed-database';
import { databaseBackends } from '../../support/services';
import { T0, at, newRefund, orderState } from './support/factories';

describe.each(databaseBackends())('migration RefundsAndPaymentChecks on a deployed database (%s)', (backend) => {
  const db = deployedDatabase(backend, 1, async (old) => {
    await old.query(
      "INSERT INTO payments (order_no, provider, out_trade_no, amount, currency, status, created_at) VALUES ('O-OLD', 'wechatpay', 'PAY-OLD', 990, 'CNY', 'PENDING', ?)",
      [T0.getTime()],
    );
  });

  it('applies the later migrations only, keeps existing payments (unscheduled, 0 attempts) and then refunds work', async () => {
    const persistence = db.open();
    try {
      expect(await persistence.migrate()).toEqual(db.later);
      expect(await persistence.migrate()).toEqual([]);
      const due = await persistence.uow.run((tx) => tx.payments.findChecksDue('wechatpay', T0, 10, 0));
      expect(due).toEqual([expect.objectContaining({ outTradeNo: 'PAY-OLD', status: 'PENDING', nextCheckAt: null, checkAttempts: 0 })]);
      const order = orderState();
      const refund = await persistence.uow.run(async (tx) => {
        await tx.orders.insert(order);
        return tx.refunds.insert(newRefund(order.orderNo, { outRefundNo: 'RF-UP', nextCheckAt: at(1) }));
      });
      expect(refund).toMatchObject({ outRefundNo: 'RF-UP', status: 'PROCESSING' });
    } finally {
      await persistence.close();
    }
  });

  it('reverts cleanly (down) and applies again', async () => {
    const persistence = db.open();
    try {
      await persistence.migrate();
      expect(db.later[0]).toBe('RefundsAndPaymentChecks1763800000000');
      await db.revert(persistence);
      const columns: Array<{ name: string }> = db.mysql
        ? await persistence.dataSource.query(
            "SELECT column_name AS name FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'payments'",
          )
        : await persistence.dataSource.query("SELECT name FROM pragma_table_info('payments')");
      expect(columns.map((column) => column.name)).not.toContain('next_check_at');
      expect(columns.map((column) => column.name)).not.toContain('check_attempts');
      await expect(persistence.dataSource.query('SELECT COUNT(*) FROM refunds')).rejects.toThrow();
      expect(await persistence.migrate()).toEqual(db.later);
    } finally {
      await persistence.close();
    }
  });
});
