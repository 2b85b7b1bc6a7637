// The repairs the jobs run: a payment whose callback never came, an order past its pay window (the provider asked
// first), a QR code that could not be made.
import { DomainWorld, openDomainWorld, value } from '../support/domain-world';

describe('payment repairs', () => {
  let w: DomainWorld;
  let pen: number;
  beforeAll(async () => {
    w = await openDomainWorld();
    pen = await w.product({ sku: 'PEN', title: 'A pen', kind: 'manual', price: { amount: 300 }, stock: 100 });
  });
  afterAll(() => w.close());

  const qrOrder = async (shopperId: string, quantity = 1) => {
    await w.shopper(shopperId);
    return value(
      await w.shop.payment.checkout({
        shopperId,
        idempotencyKey: `repair-${shopperId}-key`,
        items: [{ productId: pen, quantity }],
        paymentMethod: 'wechatpay',
      }),
    ).order.snapshot;
  };
  const status = async (orderNo: string) => value(await w.shop.payment.getOrder(orderNo, null)).order.status;

  it('finds a paid order whose callback was lost, once its check is due', async () => {
    const order = await qrOrder('501');
    w.provider.pay(order.orderNo, 300, w.clock.now());
    expect(await w.shop.payment.repairDroppedPayments(10)).toMatchObject({ checked: 0 });
    w.clock.advance(w.limits.paymentFirstCheckMs);
    expect(await w.shop.payment.repairDroppedPayments(10)).toMatchObject({ checked: 1, paid: 1 });
    expect(await status(order.orderNo)).toBe('PAID');
  });

  it('backs the checks of an unpaid order off instead of asking every time', async () => {
    const order = await qrOrder('502');
    w.clock.advance(w.limits.paymentFirstCheckMs);
    const asked = () => w.provider.calls.filter((c) => c === `query ${order.orderNo}`).length;
    await w.shop.payment.repairDroppedPayments(10);
    expect(asked()).toBe(1);
    await w.shop.payment.repairDroppedPayments(10);
    expect(asked()).toBe(1);
    w.clock.advance(2 * w.limits.paymentFirstCheckMs);
    await w.shop.payment.repairDroppedPayments(10);
    expect(asked()).toBe(2);
  });

  it('closes an expired order after asking the provider, and gives its stock back', async () => {
    const order = await qrOrder('503', 4);
    const stock = value(await w.shop.catalog.getProduct(pen)).stock ?? 0;
    w.clock.advance(w.limits.payWindowMs);
    await w.shop.payment.closeExpiredOrders(10);
    expect(await status(order.orderNo)).toBe('CLOSED');
    expect(w.provider.calls.filter((c) => c.includes(order.orderNo))).toEqual([
      `create ${order.orderNo} 1200`,
      `query ${order.orderNo}`,
      `close ${order.orderNo}`,
    ]);
    // The unpaid order of the test before expired too: its unit comes back with these four.
    expect(value(await w.shop.catalog.getProduct(pen)).stock).toBe(stock + 4 + 1);
  });

  it('does not close an expired order the shopper paid a moment ago: it is marked paid instead', async () => {
    const order = await qrOrder('504');
    w.clock.advance(w.limits.payWindowMs);
    w.provider.pay(order.orderNo, 300, w.clock.now());
    expect(await w.shop.payment.closeExpiredOrders(10)).toMatchObject({ paid: 1 });
    expect(await status(order.orderNo)).toBe('PAID');
  });

  it('makes the QR code again when the provider failed at checkout', async () => {
    w.provider.createAnswer = { ok: false, error: { code: 'PROVIDER_UNAVAILABLE', message: 'timeout' } };
    const order = await qrOrder('505');
    expect(order.status).toBe('CREATED');
    w.provider.createAnswer = (no) => ({ ok: true, value: { codeUrl: `weixin://wxpay/bizpayurl?pr=${no}` } });
    w.clock.advance(10_001);
    expect(await w.shop.payment.retryPrepay(10)).toMatchObject({ waiting: 1, ready: 1 });
    expect(await status(order.orderNo)).toBe('AWAITING_PAYMENT');
  });
});
