// A coupon's use follows its order: given back when the order closes unpaid, counted again when money arrives for
// it after all and the order is sold (a late payment), whatever the limit says by then.
import { DomainWorld, openDomainWorld, value } from '../support/domain-world';

describe('a coupon on an order paid after it closed', () => {
  let w: DomainWorld;
  let pen: number;
  beforeAll(async () => {
    w = await openDomainWorld();
    pen = await w.product({ sku: 'CPN-PEN', title: 'A pen', kind: 'manual', price: { amount: 1000 }, stock: 100 });
    value(await w.shop.coupons.createCoupon({ code: 'LATE1', kind: 'fixed', value: 250, totalLimit: 1 }));
  });
  afterAll(() => w.close());

  const used = async () => value(await w.shop.coupons.getCoupon('late1')).used;

  it('gives the use back on close and counts it again when the late payment sells the order', async () => {
    await w.shopper('301');
    const placed = value(
      await w.shop.payment.checkout({
        shopperId: '301',
        idempotencyKey: 'late-coupon-01',
        items: [{ productId: pen, quantity: 1 }],
        paymentMethod: 'wechatpay',
        coupon: 'LATE1',
      }),
    ).order.snapshot;
    expect(placed).toMatchObject({ totalAmount: 750, couponCode: 'LATE1', discountAmount: 250 });
    expect(await used()).toBe(1);
    value(await w.shop.payment.cancelOrder(placed.orderNo, 'test: cancelled'));
    expect(await used()).toBe(0);

    const trade = w.provider.pay(placed.orderNo, 750, w.clock.now());
    expect(await w.shop.payment.applyProviderEvent(w.paid(trade))).toEqual({ ok: true, value: 'LATE_PAYMENT_DELIVERED' });
    expect(await used()).toBe(1);
    const report = value(await w.shop.coupons.couponReport('LATE1'));
    expect(report).toMatchObject({ redemptions: 1, released: 0, paidOrders: 1, discountGiven: 250, revenue: 750 });
  });
});
