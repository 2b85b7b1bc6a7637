// Refunds: whole and in part, an undelivered order whole and restocked, a credit pack's credit taken back (refused when
// spent), and how a refund ends: finished by the provider, or abandoned back to where the order was.
import { OrderState } from '../../../domain/ordering';
import { DomainWorld, openDomainWorld, value } from '../support/domain-world';

describe('refunding an order', () => {
  let w: DomainWorld;
  let mug: number;
  let pack: number;
  beforeAll(async () => {
    w = await openDomainWorld();
    mug = await w.product({ sku: 'MUG', title: 'A mug', kind: 'manual', price: { amount: 1000 }, stock: 10 });
    pack = await w.product({ sku: 'PACK', title: 'Credit pack', kind: 'credit', price: { amount: 2000 }, creditAmount: 2200 });
  });
  afterAll(() => w.close());

  const status = async (orderNo: string): Promise<OrderState> => value(await w.shop.payment.getOrder(orderNo, null)).order;

  /** A QR order paid by notification (and delivered, for what delivers itself). */
  const paidQrOrder = async (shopperId: string, productId: number, quantity = 1): Promise<OrderState> => {
    await w.shopper(shopperId);
    const order = value(
      await w.shop.payment.checkout({ shopperId, idempotencyKey: `refund-${shopperId}-key`, items: [{ productId, quantity }], paymentMethod: 'wechatpay' }),
    ).order.snapshot;
    value(await w.shop.payment.applyProviderEvent(w.paid(w.provider.pay(order.orderNo, order.totalAmount, w.clock.now()))));
    await w.drain();
    return status(order.orderNo);
  };

  it('refunds an undelivered order whole, through the provider, and puts its stock back once done', async () => {
    const order = await paidQrOrder('301', mug, 2);
    expect(order.status).toBe('PAID');
    const stock = value(await w.shop.catalog.getProduct(mug)).stock ?? 0;
    expect(await w.shop.payment.refundOrder({ orderNo: order.orderNo, amount: 1000, reason: 'half' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: 'amount: an order not yet delivered is refunded in full (2000)' },
    });
    const refund = value(await w.shop.payment.refundOrder({ orderNo: order.orderNo, reason: 'changed my mind' }));
    expect(refund).toMatchObject({ outRefundNo: `${order.orderNo}-R1`, amount: 2000, status: 'PROCESSING', orderStatusBefore: 'PAID' });
    expect((await status(order.orderNo)).status).toBe('REFUNDING');
    await w.drain();
    expect(w.provider.calls).toContain(`refund ${order.orderNo}-R1 2000/2000`);
    w.clock.advance(61_000);
    expect(await w.shop.payment.syncRefunds(10)).toMatchObject({ settled: 1 });
    expect(await status(order.orderNo)).toMatchObject({ status: 'REFUNDED', refundedAmount: 2000 });
    expect(value(await w.shop.catalog.getProduct(mug)).stock).toBe(stock + 2);
  });

  it('refunds a delivered order in part, then the rest, and no more than was paid', async () => {
    const order = await paidQrOrder('302', mug);
    value(await w.shop.ordering.fulfilOrder(order.orderNo, 'posted'));
    w.provider.refundAnswer = (no) => ({ ok: true, value: { outRefundNo: no, status: 'SUCCESS', refundId: `R-${no}` } });
    try {
      value(await w.shop.payment.refundOrder({ orderNo: order.orderNo, amount: 400, reason: 'scratched' }));
      await w.drain();
      expect(await status(order.orderNo)).toMatchObject({ status: 'PARTIALLY_REFUNDED', refundedAmount: 400 });
      expect(await w.shop.payment.refundOrder({ orderNo: order.orderNo, amount: 601, reason: 'too much' })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION_FAILED', message: 'amount: at most 600 can still be refunded' },
      });
      value(await w.shop.payment.refundOrder({ orderNo: order.orderNo, reason: 'the rest' }));
      await w.drain();
      expect(await status(order.orderNo)).toMatchObject({ status: 'REFUNDED', refundedAmount: 1000 });
      expect(await w.shop.payment.refundOrder({ orderNo: order.orderNo, reason: 'again' })).toMatchObject({
        ok: false,
        error: { code: 'ORDER_NOT_REFUNDABLE' },
      });
    } finally {
      w.provider.refundAnswer = (no) => ({ ok: true, value: { outRefundNo: no, refundId: `R-${no}`, status: 'PROCESSING' } });
    }
  });

  it('refunds a request id once, however often it is sent', async () => {
    const order = await paidQrOrder('303', mug);
    const first = value(await w.shop.payment.refundOrder({ orderNo: order.orderNo, reason: 'dup', requestId: 'admin-req-1' }));
    const again = value(await w.shop.payment.refundOrder({ orderNo: order.orderNo, reason: 'dup', requestId: 'admin-req-1' }));
    expect(again.outRefundNo).toBe(first.outRefundNo);
    expect(first.outRefundNo).toMatch(new RegExp(`^${order.orderNo}-[0-9a-f]{8}$`));
  });

  it('takes a delivered credit pack’s credit back with the money, and refuses when the credit is spent', async () => {
    const order = await paidQrOrder('304', pack);
    expect(order.status).toBe('DELIVERED');
    expect((await w.shop.account.getAccount('304')).balance).toBe(2200);
    value(await w.shop.account.adjustCredit({ userId: '304', amount: -2000, reason: 'spent it' }));
    expect(await w.shop.payment.refundOrder({ orderNo: order.orderNo, reason: 'want it back' })).toMatchObject({
      ok: false,
      error: { code: 'INSUFFICIENT_CREDIT', details: { balance: 200, required: 2200 } },
    });
    expect((await status(order.orderNo)).status).toBe('DELIVERED');

    const other = await paidQrOrder('305', pack);
    value(await w.shop.payment.refundOrder({ orderNo: other.orderNo, amount: 1000, reason: 'half back' }));
    expect((await w.shop.account.getAccount('305')).balance).toBe(2200 - 1100);
  });

  it('refunds a credit order to the balance at once', async () => {
    await w.shopper('306', 5000);
    const order = value(
      await w.shop.payment.checkout({ shopperId: '306', idempotencyKey: 'credit-refund-1', items: [{ productId: mug, quantity: 1 }], paymentMethod: 'credit' }),
    ).order.snapshot;
    const refund = value(await w.shop.payment.refundOrder({ orderNo: order.orderNo, reason: 'sorry' }));
    expect(refund).toMatchObject({ status: 'SUCCEEDED', amount: 1000 });
    expect((await w.shop.account.getAccount('306')).balance).toBe(5000);
    expect((await status(order.orderNo)).status).toBe('REFUNDED');
  });

  it('abandons a refund the provider refuses: the order returns to where it was and the admins are told', async () => {
    const order = await paidQrOrder('307', mug);
    value(await w.shop.ordering.fulfilOrder(order.orderNo, null));
    w.provider.refundAnswer = { ok: false, error: { code: 'NOT_ENOUGH', message: 'merchant balance too low', providerCode: 'NOT_ENOUGH' } };
    try {
      value(await w.shop.payment.refundOrder({ orderNo: order.orderNo, amount: 300, reason: 'late' }));
      await w.drain();
      expect(await status(order.orderNo)).toMatchObject({ status: 'DELIVERED', refundedAmount: 0 });
      expect(w.notices.admins).toContainEqual({
        event: 'REFUND_FAILED',
        orderNo: order.orderNo,
        detail: `${order.orderNo}-R1: NOT_ENOUGH: merchant balance too low`,
      });
    } finally {
      w.provider.refundAnswer = (no) => ({ ok: true, value: { outRefundNo: no, refundId: `R-${no}`, status: 'PROCESSING' } });
    }
  });

  it('keeps a refund the provider cannot be reached for, and finishes it when the provider answers later', async () => {
    const order = await paidQrOrder('308', mug);
    w.provider.refundAnswer = { ok: false, error: { code: 'PROVIDER_UNAVAILABLE', message: 'timeout' } };
    try {
      value(await w.shop.payment.refundOrder({ orderNo: order.orderNo, reason: 'no answer' }));
      await w.drain();
      expect((await status(order.orderNo)).status).toBe('REFUNDING');
    } finally {
      w.provider.refundAnswer = (no) => ({ ok: true, value: { outRefundNo: no, refundId: `R-${no}`, status: 'PROCESSING' } });
    }
    w.clock.advance(61_000);
    await w.shop.payment.syncRefunds(10);
    expect((await status(order.orderNo)).status).toBe('REFUNDED');
  });
});
