// Issue 11 item 7: a second, different verified payment for an order that is already paid. Every cent that arrives
// is delivered or refunded: this one is recorded as a duplicate payment and refunded whole through the provider, by
// its own transaction id, exactly once however often the provider repeats it; the order is left as it was.
import { OrderState } from '../../../domain/ordering';
import { reconcileReport } from '../../../domain/reporting';
import { SqlConsistencyChecks } from '../../../infrastructure/persistence/reporting/consistency-queries';
import { DomainWorld, openDomainWorld, value } from '../support/domain-world';

describe('a second payment for an order already paid', () => {
  let w: DomainWorld;
  let pack: number;
  let mug: number;
  beforeAll(async () => {
    w = await openDomainWorld();
    pack = await w.product({ sku: 'PACK', title: 'Credit pack', kind: 'credit', price: { amount: 2000 }, creditAmount: 2200 });
    mug = await w.product({ sku: 'MUG', title: 'A mug', kind: 'manual', price: { amount: 1000 }, stock: 10 });
  });
  afterAll(() => w.close());

  const order = async (orderNo: string): Promise<OrderState> => value(await w.shop.payment.getOrder(orderNo, null)).order;
  const refunds = async (orderNo: string) => value(await w.shop.reporting.orderStory(orderNo)).refunds;
  const onlyRefund = async (orderNo: string) => {
    const all = await refunds(orderNo);
    if (all.length !== 1 || !all[0]) throw new Error(`expected one refund for ${orderNo}, found ${all.length}`);
    return all[0];
  };
  const report = () => reconcileReport({ checks: new SqlConsistencyChecks(w.persistence.dataSource), providers: [], providerSampleSize: 0 });

  /** A QR order paid once, by notification, and (what delivers itself) delivered. */
  const paidOrder = async (shopperId: string, productId: number): Promise<OrderState> => {
    await w.shopper(shopperId);
    const placed = value(
      await w.shop.payment.checkout({ shopperId, idempotencyKey: `dup-${shopperId}-key`, items: [{ productId, quantity: 1 }], paymentMethod: 'wechatpay' }),
    ).order.snapshot;
    value(await w.shop.payment.applyProviderEvent(w.paid(w.provider.pay(placed.orderNo, placed.totalAmount, w.clock.now()))));
    await w.drain();
    return order(placed.orderNo);
  };

  it('records it, refunds it whole by its transaction id once, tells admins and the shopper, and leaves the order alone', async () => {
    const first = await paidOrder('701', pack);
    expect(first.status).toBe('DELIVERED');
    const balance = (await w.shop.account.getAccount('701')).balance;
    const second = { ...w.provider.pay(first.orderNo, 2000, w.clock.now(), 'TX-SECOND-701') };

    expect(await w.shop.payment.applyProviderEvent(w.paid(second, 'EV-DUP-701'))).toEqual({ ok: true, value: 'DUPLICATE_PAYMENT_REFUNDING' });
    // The provider repeats it (another event id), and a repair query reports it: no second record, no second refund.
    expect(await w.shop.payment.applyProviderEvent(w.paid(second, 'EV-DUP-701-again'))).toEqual({ ok: true, value: 'ALREADY_RECORDED' });
    expect(await w.shop.payment.applyProviderEvent(w.paid(second, 'EV-DUP-701'))).toEqual({ ok: true, value: 'ALREADY_RECORDED' });
    const dup = await onlyRefund(first.orderNo);
    expect(dup).toMatchObject({ kind: 'DUPLICATE_PAYMENT', transactionId: 'TX-SECOND-701', amount: 2000, status: 'PROCESSING' });

    await w.drain();
    expect(w.provider.calls.filter((c) => c.startsWith(`refund ${dup.outRefundNo}`))).toEqual([`refund ${dup.outRefundNo} 2000/2000 of TX-SECOND-701`]);
    expect(w.notices.admins).toContainEqual({ event: 'DUPLICATE_PAYMENT', orderNo: first.orderNo, detail: expect.stringContaining('TX-SECOND-701') });
    expect((await report()).duplicatePayments).toEqual({ total: 1, refunded: 0, refunding: 1, failed: 0 });

    w.clock.advance(61_000);
    expect(await w.shop.payment.syncRefunds(10)).toMatchObject({ settled: 1 });
    await w.drain();
    expect(w.notices.shopper).toContainEqual({ userId: '701', event: 'DUPLICATE_PAYMENT_REFUNDED', orderNo: first.orderNo, amount: 2000 });
    expect(await order(first.orderNo)).toMatchObject({ status: 'DELIVERED', refundedAmount: 0 });
    expect((await w.shop.account.getAccount('701')).balance).toBe(balance);
    expect(value(await w.shop.reporting.orderStory(first.orderNo)).events.map((e) => e.what)).toContainEqual(
      expect.stringContaining('paid a second time (TX-SECOND-701, 2000 CNY)'),
    );
    const after = await report();
    // The second charge came in and went back: the shop holds the order's payment alone.
    expect(after).toEqual({
      discrepancies: [],
      duplicatePayments: { total: 1, refunded: 1, refunding: 0, failed: 0 },
      ledgers: [{ currency: 'CNY', paidIn: 4000, payments: 2, refunded: 2000, refunds: 1, held: 2000 }],
    });
  });

  it('keeps asking while the provider cannot be reached, with one out_refund_no, and an order awaiting fulfilment stays so', async () => {
    const first = await paidOrder('702', mug);
    expect(first.status).toBe('PAID');
    let unreachable = 2;
    w.provider.refundAnswer = (no) =>
      unreachable-- > 0
        ? { ok: false, error: { code: 'PROVIDER_UNAVAILABLE', message: 'connect ECONNREFUSED' } }
        : { ok: true, value: { outRefundNo: no, status: 'SUCCESS', refundId: `R-${no}` } };
    try {
      value(await w.shop.payment.applyProviderEvent(w.paid(w.provider.pay(first.orderNo, 1000, w.clock.now(), 'TX-SECOND-702'))));
      const dup = await onlyRefund(first.orderNo);
      for (let i = 0; i < 5 && (await onlyRefund(first.orderNo)).status === 'PROCESSING'; i += 1) {
        await w.drain();
        w.clock.advance(10 * 60_000);
      }
      expect(w.provider.calls.filter((c) => c.startsWith('refund ') && c.includes('TX-SECOND-702'))).toEqual([
        `refund ${dup.outRefundNo} 1000/1000 of TX-SECOND-702`,
        `refund ${dup.outRefundNo} 1000/1000 of TX-SECOND-702`,
        `refund ${dup.outRefundNo} 1000/1000 of TX-SECOND-702`,
      ]);
      expect(await onlyRefund(first.orderNo)).toMatchObject({ status: 'SUCCEEDED' });
      expect(await order(first.orderNo)).toMatchObject({ status: 'PAID', refundedAmount: 0 });
    } finally {
      w.provider.refundAnswer = (no) => ({ ok: true, value: { outRefundNo: no, refundId: `R-${no}`, status: 'PROCESSING' } });
    }
  });

  it('a refund the provider refuses is shown to admins and reported by reconcile until someone acts', async () => {
    const first = await paidOrder('703', pack);
    w.provider.refundAnswer = { ok: false, error: { code: 'NOT_ENOUGH', message: 'merchant balance too low', providerCode: 'NOT_ENOUGH' } };
    try {
      value(await w.shop.payment.applyProviderEvent(w.paid(w.provider.pay(first.orderNo, 2000, w.clock.now(), 'TX-SECOND-703'))));
      await w.drain();
    } finally {
      w.provider.refundAnswer = (no) => ({ ok: true, value: { outRefundNo: no, refundId: `R-${no}`, status: 'PROCESSING' } });
    }
    const dup = await onlyRefund(first.orderNo);
    expect(dup).toMatchObject({ status: 'FAILED', kind: 'DUPLICATE_PAYMENT' });
    expect(w.notices.admins).toContainEqual({
      event: 'REFUND_FAILED',
      orderNo: first.orderNo,
      detail: expect.stringContaining('duplicate payment TX-SECOND-703'),
    });
    expect(await order(first.orderNo)).toMatchObject({ status: 'DELIVERED' });
    const found = await report();
    expect(found.duplicatePayments).toMatchObject({ failed: 1 });
    expect(found.discrepancies).toEqual([
      {
        check: 'duplicate',
        detail: expect.stringMatching(new RegExp(`^order ${first.orderNo} was paid twice \\(TX-SECOND-703, 2000\\): refund ${dup.outRefundNo} FAILED`)),
      },
    ]);
  });
});
