// Issue 11 item 2: "check payment" cannot burn the merchant's provider quota. One order's provider is asked at most
// once per interval however many checks arrive, each in a single attempt (the doors rate-limit the callers).
import { DomainWorld, openDomainWorld, value } from '../support/domain-world';

describe('check payment, throttled', () => {
  let w: DomainWorld;
  let mug: number;
  beforeAll(async () => {
    w = await openDomainWorld({ paymentCheckIntervalMs: 5_000 });
    mug = await w.product({ sku: 'MUG', title: 'A mug', kind: 'manual', price: { amount: 1000 }, stock: 100 });
  });
  afterAll(() => w.close());

  let keys = 0;
  const qrOrder = async (shopperId: string) => {
    await w.shopper(shopperId);
    const key = `throttle-key-${(keys += 1).toString().padStart(4, '0')}`;
    return value(await w.shop.payment.checkout({ shopperId, idempotencyKey: key, items: [{ productId: mug, quantity: 1 }], paymentMethod: 'wechatpay' })).order
      .orderNo;
  };
  const queries = (orderNo: string) => w.provider.calls.filter((c) => c.startsWith(`query ${orderNo}`));

  it('asks the provider once per interval for a burst of checks, in one attempt, and every check sees what it found', async () => {
    const orderNo = await qrOrder('901');
    w.provider.pay(orderNo, 1000, w.clock.now());
    const burst = await Promise.all(Array.from({ length: 25 }, () => w.shop.payment.checkPayment(orderNo, '901')));
    expect(burst.map((r) => r.ok && r.value.status)).toEqual(Array.from({ length: 25 }, () => 'PAID'));
    expect(queries(orderNo)).toEqual([`query ${orderNo} once`]);
    value(await w.shop.payment.checkPayment(orderNo, '901'));
    expect(queries(orderNo)).toHaveLength(1);
  });

  it('keeps a provider failure for the interval too, then asks again', async () => {
    const orderNo = await qrOrder('902');
    w.provider.queryAnswer = { ok: false, error: { code: 'PROVIDER_UNAVAILABLE', message: '503 SERVICE_UNAVAILABLE' } };
    try {
      const burst = await Promise.all(Array.from({ length: 10 }, () => w.shop.payment.checkPayment(orderNo, '902')));
      expect(burst.every((r) => !r.ok && r.error.code === 'PROVIDER_UNAVAILABLE')).toBe(true);
      expect(queries(orderNo)).toHaveLength(1);
    } finally {
      w.provider.queryAnswer = null;
    }
    w.clock.advance(5_001);
    expect(value(await w.shop.payment.checkPayment(orderNo, '902')).status).toBe('AWAITING_PAYMENT');
    expect(queries(orderNo)).toHaveLength(2);
  });

  it('admins share the same flight', async () => {
    const orderNo = await qrOrder('903');
    value(await w.shop.payment.checkPayment(orderNo, '903'));
    value(await w.shop.payment.checkPayment(orderNo));
    expect(queries(orderNo)).toHaveLength(1);
  });
});
