import { minor } from '../../../domain/shared/money';
import { RefundRecord } from '../../../domain/payment';
import { databaseBackends } from '../../support/services';
import { MINUTE, T0, at, newRefund, orderState } from './support/factories';
import { storeForSuite } from './support/test-store';

describe.each(databaseBackends())('RefundRepository (%s)', (backend) => {
  const suite = storeForSuite(backend);
  const { inTx } = suite;
  const find = (outRefundNo: string) => inTx((tx) => tx.refunds.findByOutRefundNo(outRefundNo));
  /** A refund needs its order (foreign key): each test gets an order of its own. */
  const insertOrder = async (): Promise<string> => {
    const order = orderState({ userId: 'u-refund', status: 'REFUNDING' });
    expect(await inTx((tx) => tx.orders.insert(order))).toBe('INSERTED');
    return order.orderNo;
  };
  const insertRefund = async (...args: Parameters<typeof newRefund>): Promise<RefundRecord> => {
    const inserted = await inTx((tx) => tx.refunds.insert(newRefund(...args)));
    if (inserted === 'DUPLICATE') throw new Error('unexpected duplicate refund');
    return inserted;
  };

  it('inserts a refund and reads back exactly what was written, by out_refund_no and by order', async () => {
    const orderNo = await insertOrder();
    const first = await insertRefund(orderNo, { outRefundNo: 'RF-1', reason: '迟到的付款 🚀', orderStatusBefore: 'DELIVERED', amount: minor(500) });
    const second = await insertRefund(orderNo, { outRefundNo: 'RF-2', provider: 'credit', nextCheckAt: null });
    expect(first).toEqual({
      ...newRefund(orderNo, { outRefundNo: 'RF-1', reason: '迟到的付款 🚀', orderStatusBefore: 'DELIVERED', amount: minor(500), outTradeNo: first.outTradeNo }),
      id: first.id,
      providerRefundId: null,
      lastError: null,
      completedAt: null,
    });
    expect(await find('RF-1')).toEqual(first);
    expect(await find('RF-404')).toBeNull();
    expect((await inTx((tx) => tx.refunds.findByOrder(orderNo))).map((r) => r.outRefundNo)).toEqual(['RF-1', 'RF-2']);
    expect(second.nextCheckAt).toBeNull();
    expect(await inTx((tx) => tx.refunds.findByOrder('NO-SUCH-ORDER'))).toEqual([]);
  });

  it('returns DUPLICATE for a second refund with the same out_refund_no, and keeps the first', async () => {
    const orderNo = await insertOrder();
    const first = await insertRefund(orderNo, { outRefundNo: 'RF-DUP', amount: minor(100) });
    expect(await inTx((tx) => tx.refunds.insert(newRefund(orderNo, { outRefundNo: 'RF-DUP', amount: minor(200) })))).toBe('DUPLICATE');
    expect(await find('RF-DUP')).toEqual(first);
  });

  it('refuses a refund for an order that does not exist (foreign key)', async () => {
    await expect(inTx((tx) => tx.refunds.insert(newRefund('NO-SUCH-ORDER', { outRefundNo: 'RF-FK' })))).rejects.toThrow();
    expect(await find('RF-FK')).toBeNull();
  });

  it('cuts a reason longer than the column the same way on both engines', async () => {
    const orderNo = await insertOrder();
    const stored = await insertRefund(orderNo, { outRefundNo: 'RF-LONG', reason: '退'.repeat(300) });
    expect(stored.reason).toBe('退'.repeat(255));
    expect((await find('RF-LONG'))?.reason).toBe('退'.repeat(255));
  });

  it('marks a refund succeeded only from PROCESSING: the second call changes nothing', async () => {
    const orderNo = await insertOrder();
    await insertRefund(orderNo, { outRefundNo: 'RF-OK' });
    expect(await inTx((tx) => tx.refunds.markSucceeded('RF-OK', 'wx-refund-1', at(2 * MINUTE)))).toBe(true);
    expect(await inTx((tx) => tx.refunds.markSucceeded('RF-OK', 'wx-refund-2', at(3 * MINUTE)))).toBe(false);
    expect(await inTx((tx) => tx.refunds.markFailed('RF-OK', 'too late', at(3 * MINUTE)))).toBe(false);
    expect(await find('RF-OK')).toMatchObject({ status: 'SUCCEEDED', providerRefundId: 'wx-refund-1', completedAt: at(2 * MINUTE), nextCheckAt: null });
    expect(await inTx((tx) => tx.refunds.markSucceeded('RF-404', null, T0))).toBe(false);
  });

  it('keeps the provider refund id learned earlier when the success carries none', async () => {
    const orderNo = await insertOrder();
    await insertRefund(orderNo, { outRefundNo: 'RF-KEEP' });
    expect(await inTx((tx) => tx.refunds.scheduleCheck('RF-KEEP', 'wx-refund-k', at(5 * MINUTE), null))).toBe(true);
    expect(await inTx((tx) => tx.refunds.markSucceeded('RF-KEEP', null, at(6 * MINUTE)))).toBe(true);
    expect(await find('RF-KEEP')).toMatchObject({ status: 'SUCCEEDED', providerRefundId: 'wx-refund-k', completedAt: at(6 * MINUTE) });
  });

  it('marks a refund failed only from PROCESSING, with the reason', async () => {
    const orderNo = await insertOrder();
    await insertRefund(orderNo, { outRefundNo: 'RF-FAIL' });
    expect(await inTx((tx) => tx.refunds.markFailed('RF-FAIL', 'NOT_ENOUGH: 商户余额不足', at(MINUTE)))).toBe(true);
    expect(await inTx((tx) => tx.refunds.markFailed('RF-FAIL', 'again', at(2 * MINUTE)))).toBe(false);
    expect(await inTx((tx) => tx.refunds.markSucceeded('RF-FAIL', 'wx', at(2 * MINUTE)))).toBe(false);
    expect(await find('RF-FAIL')).toMatchObject({ status: 'FAILED', lastError: 'NOT_ENOUGH: 商户余额不足', completedAt: at(MINUTE), nextCheckAt: null });
  });

  it('schedules the next check only while PROCESSING', async () => {
    const orderNo = await insertOrder();
    await insertRefund(orderNo, { outRefundNo: 'RF-SCHED' });
    expect(await inTx((tx) => tx.refunds.scheduleCheck('RF-SCHED', 'wx-r', at(10 * MINUTE), 'SYSTEM_ERROR'))).toBe(true);
    expect(await find('RF-SCHED')).toMatchObject({ status: 'PROCESSING', providerRefundId: 'wx-r', nextCheckAt: at(10 * MINUTE), lastError: 'SYSTEM_ERROR' });
    // A later check that went fine clears the error and keeps the id it does not repeat.
    expect(await inTx((tx) => tx.refunds.scheduleCheck('RF-SCHED', null, at(20 * MINUTE), null))).toBe(true);
    expect(await find('RF-SCHED')).toMatchObject({ providerRefundId: 'wx-r', nextCheckAt: at(20 * MINUTE), lastError: null });
    expect(await inTx((tx) => tx.refunds.markSucceeded('RF-SCHED', null, at(21 * MINUTE)))).toBe(true);
    expect(await inTx((tx) => tx.refunds.scheduleCheck('RF-SCHED', 'wx-other', at(30 * MINUTE), 'x'))).toBe(false);
    expect(await find('RF-SCHED')).toMatchObject({ status: 'SUCCEEDED', providerRefundId: 'wx-r', nextCheckAt: null, lastError: null });
  });

  it('finds PROCESSING refunds whose check is due, unscheduled first, then oldest check, bounded', async () => {
    const orderNo = await insertOrder();
    const base = 1000 * MINUTE; // Far from the other tests' times, so their refunds sort before these.
    const later = await insertRefund(orderNo, { nextCheckAt: at(base + 3 * MINUTE) });
    const sooner = await insertRefund(orderNo, { nextCheckAt: at(base + MINUTE) });
    const tieFirst = await insertRefund(orderNo, { nextCheckAt: at(base + 2 * MINUTE) });
    const tieSecond = await insertRefund(orderNo, { nextCheckAt: at(base + 2 * MINUTE) });
    await insertRefund(orderNo, { nextCheckAt: at(base + 10 * MINUTE) });
    const done = await insertRefund(orderNo, { nextCheckAt: at(base + MINUTE) });
    expect(await inTx((tx) => tx.refunds.markFailed(done.outRefundNo, 'rejected', at(base)))).toBe(true);

    const now = at(base + 5 * MINUTE);
    const due = (await inTx((tx) => tx.refunds.findChecksDue(now, 100))).filter((r) => r.orderNo === orderNo);
    expect(due.map((r) => r.outRefundNo)).toEqual([sooner, tieFirst, tieSecond, later].map((r) => r.outRefundNo));
    expect(await inTx((tx) => tx.refunds.findChecksDue(now, 2))).toHaveLength(2);

    const unscheduled = await insertRefund(orderNo, { nextCheckAt: null });
    const withUnscheduled = (await inTx((tx) => tx.refunds.findChecksDue(now, 100))).filter((r) => r.orderNo === orderNo);
    expect(withUnscheduled.map((r) => r.outRefundNo)).toEqual([unscheduled, sooner, tieFirst, tieSecond, later].map((r) => r.outRefundNo));
  });
});
