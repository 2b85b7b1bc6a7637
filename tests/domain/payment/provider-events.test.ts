// What a provider says about a trade, applied exactly once: paid, a duplicate, the wrong amount, an unknown trade,
// and money for an order we had already closed (delivered when stock allows, refunded when it does not).
import { DomainWorld, openDomainWorld, value } from '../support/domain-world';

describe('applying a verified provider event', () => {
  let w: DomainWorld;
  let pen: number;
  let last: number;
  beforeAll(async () => {
    w = await openDomainWorld();
    pen = await w.product({ sku: 'PEN', title: 'A pen', kind: 'manual', price: { amount: 300 }, stock: 100 });
    last = await w.product({ sku: 'LAST', title: 'The last one', kind: 'manual', price: { amount: 990 }, stock: 1 });
  });
  afterAll(() => w.close());

  const qrOrder = async (shopperId: string, productId: number, key: string) => {
    await w.shopper(shopperId);
    return value(await w.shop.payment.checkout({ shopperId, idempotencyKey: key, items: [{ productId, quantity: 1 }], paymentMethod: 'wechatpay' })).order
      .snapshot;
  };

  it('marks the order paid, and a duplicate (another copy, a repair query) changes nothing', async () => {
    const order = await qrOrder('201', pen, 'paid-key-000001');
    const trade = w.provider.pay(order.orderNo, 300, w.clock.now());
    expect(await w.shop.payment.applyProviderEvent(w.paid(trade))).toEqual({ ok: true, value: 'PAID' });
    expect(await w.shop.payment.applyProviderEvent(w.paid(trade))).toEqual({ ok: true, value: 'ALREADY_RECORDED' });
    const details = value(await w.shop.payment.getOrder(order.orderNo, null));
    expect(details.order).toMatchObject({ status: 'PAID', paidAt: w.clock.now() });
    expect(details.payments).toEqual([expect.objectContaining({ status: 'SUCCEEDED', transactionId: `TX-${order.orderNo}`, amount: 300 })]);
  });

  it('applies identical copies arriving together once', async () => {
    const order = await qrOrder('202', pen, 'burst-key-00001');
    const event = w.paid(w.provider.pay(order.orderNo, 300, w.clock.now()), 'EV-BURST');
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => w.shop.payment.applyProviderEvent(event)));
    expect(outcomes.filter((o) => o.ok && o.value === 'PAID')).toHaveLength(outcomes.length);
    await w.drain();
    expect(w.notices.shopper.filter((n) => n.orderNo === order.orderNo && n.event === 'ORDER_PAID')).toHaveLength(1);
  });

  it('refuses the wrong amount and an unknown trade, and changes nothing', async () => {
    const order = await qrOrder('203', pen, 'mismatch-key-01');
    const wrong = w.provider.pay(order.orderNo, 299, w.clock.now());
    expect(await w.shop.payment.applyProviderEvent(w.paid(wrong))).toMatchObject({ ok: false, error: { code: 'AMOUNT_MISMATCH' } });
    expect(value(await w.shop.payment.getOrder(order.orderNo, null)).order.status).toBe('AWAITING_PAYMENT');
    const stranger = w.provider.pay('T20990101000000000000001', 300, w.clock.now());
    expect(await w.shop.payment.applyProviderEvent(w.paid(stranger))).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ORDER' } });
  });

  it('ignores a trade that is not paid', async () => {
    const order = await qrOrder('204', pen, 'notpay-key-0001');
    const event = w.paid({ outTradeNo: order.orderNo, tradeState: 'NOTPAY' });
    expect(await w.shop.payment.applyProviderEvent(event)).toEqual({ ok: true, value: 'NOT_PAID' });
  });

  it('sells a closed order after all when money arrives late and the stock is still there', async () => {
    const order = await qrOrder('205', pen, 'late-key-000001');
    value(await w.shop.payment.cancelOrder(order.orderNo, 'test: cancelled'));
    const stockAfterClose = value(await w.shop.catalog.getProduct(pen)).stock;
    const trade = w.provider.pay(order.orderNo, 300, w.clock.now());
    expect(await w.shop.payment.applyProviderEvent(w.paid(trade))).toEqual({ ok: true, value: 'LATE_PAYMENT_DELIVERED' });
    expect(value(await w.shop.catalog.getProduct(pen)).stock).toBe((stockAfterClose ?? 0) - 1);
    expect(value(await w.shop.payment.getOrder(order.orderNo, null)).order.status).toBe('PAID');
    await w.drain();
    expect(w.notices.shopper).toContainEqual({ userId: '205', event: 'LATE_PAYMENT_DELIVERED', orderNo: order.orderNo, amount: 300 });
  });

  it('refunds money that arrives for a closed order whose stock is gone', async () => {
    const order = await qrOrder('206', last, 'gone-key-000001');
    value(await w.shop.payment.cancelOrder(order.orderNo, 'test: cancelled'));
    await w.shopper('207', 10_000);
    value(
      await w.shop.payment.checkout({
        shopperId: '207',
        idempotencyKey: 'gone-key-000002',
        items: [{ productId: last, quantity: 1 }],
        paymentMethod: 'credit',
      }),
    );
    const trade = w.provider.pay(order.orderNo, 990, w.clock.now());
    expect(await w.shop.payment.applyProviderEvent(w.paid(trade))).toEqual({ ok: true, value: 'LATE_PAYMENT_REFUNDING' });
    expect(value(await w.shop.payment.getOrder(order.orderNo, null)).order.status).toBe('REFUNDING');
    await w.drain();
    expect(w.provider.calls).toContain(`refund ${order.orderNo}-LATE 990/990`);
    expect(w.notices.shopper).toContainEqual({ userId: '206', event: 'LATE_PAYMENT_REFUNDED', orderNo: order.orderNo, amount: 990 });
    const synced = await w.shop.payment.syncRefunds(10);
    expect(synced).toMatchObject({ checked: 0 });
    w.clock.advance(61_000);
    expect(await w.shop.payment.syncRefunds(10)).toMatchObject({ checked: 1, settled: 1 });
    expect(value(await w.shop.payment.getOrder(order.orderNo, null)).order).toMatchObject({ status: 'REFUNDED', refundedAmount: 990 });
  });
});
