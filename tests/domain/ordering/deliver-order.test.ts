// Delivery, exactly once: credit top-ups, codes, merchant webhooks (success, failure with backoff, stuck), manual
// fulfilment by an admin.
import { DomainWorld, openDomainWorld, value } from '../support/domain-world';

describe('delivering a paid order', () => {
  let w: DomainWorld;
  let pack: number;
  let keys: number;
  let hook: number;
  let mug: number;
  beforeAll(async () => {
    w = await openDomainWorld({ maxDeliveryAttempts: 3 });
    pack = await w.product({ sku: 'PACK', title: 'Credit pack', kind: 'credit', price: { amount: 2000 }, creditAmount: 2200 });
    keys = await w.product({ sku: 'KEY', title: 'Game key', kind: 'code', price: { amount: 1500 }, codes: ['K-1', 'K-2', 'K-3'] });
    hook = await w.product({ sku: 'HOOK', title: 'Merchant item', kind: 'webhook', price: { amount: 700 }, webhookUrl: 'https://merchant.example/fulfil' });
    mug = await w.product({ sku: 'MUG', title: 'A mug', kind: 'manual', price: { amount: 1000 }, stock: 5 });
  });
  afterAll(() => w.close());

  /** Paid by QR (a notification), not yet delivered: the outbox is left for the test to run. */
  const paid = async (shopperId: string, productId: number, quantity = 1) => {
    await w.shopper(shopperId);
    const order = value(
      await w.shop.payment.checkout({ shopperId, idempotencyKey: `deliver-${shopperId}-key`, items: [{ productId, quantity }], paymentMethod: 'wechatpay' }),
    ).order.snapshot;
    value(await w.shop.payment.applyProviderEvent(w.paid(w.provider.pay(order.orderNo, order.totalAmount, w.clock.now()))));
    return order.orderNo;
  };
  const details = async (orderNo: string) => value(await w.shop.payment.getOrder(orderNo, null));

  it('tops up a credit pack once, however often delivery runs', async () => {
    const orderNo = await paid('401', pack, 2);
    expect(await w.shop.ordering.deliverOrder(orderNo)).toEqual({ ok: true, value: 'DELIVERED' });
    expect(await w.shop.ordering.deliverOrder(orderNo)).toEqual({ ok: true, value: 'ALREADY_DELIVERED' });
    await w.drain();
    expect((await w.shop.account.getLedger('401')).map((e) => [e.kind, e.amount, e.reference])).toEqual([['TOP_UP', 4400, `order:${orderNo}:line:1`]]);
    expect(w.notices.shopper).toContainEqual({ userId: '401', event: 'ORDER_DELIVERED', orderNo });
  });

  it('hands over the codes reserved at placement', async () => {
    const orderNo = await paid('402', keys, 2);
    await w.drain();
    const delivered = await details(orderNo);
    expect(delivered.order.status).toBe('DELIVERED');
    expect(delivered.deliveredCodes.map((c) => c.code).sort()).toEqual(['K-1', 'K-2']);
    expect(value(await w.shop.catalog.getProduct(keys)).stock).toBe(1);
  });

  it('calls the merchant with a stable idempotency key and delivers on success', async () => {
    const orderNo = await paid('403', hook);
    await w.drain();
    expect((await details(orderNo)).order.status).toBe('DELIVERED');
    expect(w.webhook.requests).toContainEqual(expect.objectContaining({ url: 'https://merchant.example/fulfil', idempotencyKey: `${orderNo}:1`, sku: 'HOOK' }));
  });

  it('backs off when the merchant fails, tells the admins once it is stuck, and delivers when the merchant is back', async () => {
    w.webhook.failing = 'merchant answered 502';
    const orderNo = await paid('404', hook);
    expect(await w.shop.ordering.deliverOrder(orderNo)).toEqual({ ok: true, value: 'RETRY_SCHEDULED' });
    expect((await details(orderNo)).order).toMatchObject({
      status: 'PAID',
      deliveryAttempts: 1,
      nextDeliveryAt: new Date(w.clock.now().getTime() + 30_000),
      lastDeliveryError: 'webhook for line 1: merchant answered 502',
    });
    expect(await w.shop.ordering.retryDeliveries(10)).toMatchObject({ due: 0 });
    w.clock.advance(30_000);
    expect(await w.shop.ordering.retryDeliveries(10)).toMatchObject({ due: 1, retryScheduled: 1 });
    w.clock.advance(60_000);
    expect(await w.shop.ordering.retryDeliveries(10)).toMatchObject({ due: 1, stuck: 1 });
    await w.drain();
    expect(w.notices.admins).toContainEqual({ event: 'DELIVERY_STUCK', orderNo, detail: 'webhook for line 1: merchant answered 502' });
    w.webhook.failing = null;
    w.clock.advance(3_600_000);
    expect(await w.shop.ordering.retryDeliveries(10)).toMatchObject({ delivered: 1 });
    expect((await details(orderNo)).order).toMatchObject({ status: 'DELIVERED', lastDeliveryError: null, nextDeliveryAt: null });
  });

  it('waits for a person on a manual order, and an admin fulfils it with a note', async () => {
    const orderNo = await paid('405', mug);
    await w.drain();
    expect((await details(orderNo)).order).toMatchObject({ status: 'PAID', nextDeliveryAt: null });
    expect(w.notices.admins).toContainEqual({ event: 'FULFILMENT_NEEDED', orderNo });
    expect(w.notices.shopper).toContainEqual({ userId: '405', event: 'ORDER_AWAITING_FULFILMENT', orderNo });
    expect(await w.shop.ordering.fulfilOrder(orderNo, 'tracking SF123')).toEqual({ ok: true, value: 'DELIVERED' });
    expect((await details(orderNo)).order).toMatchObject({ status: 'DELIVERED', fulfilmentNote: 'tracking SF123' });
    expect(await w.shop.ordering.fulfilOrder(orderNo, null)).toMatchObject({ ok: false, error: { code: 'ORDER_NOT_FULFILLABLE' } });
  });

  it('refuses to deliver what is not paid', async () => {
    await w.shopper('406');
    const order = value(
      await w.shop.payment.checkout({
        shopperId: '406',
        idempotencyKey: 'unpaid-key-0001',
        items: [{ productId: mug, quantity: 1 }],
        paymentMethod: 'wechatpay',
      }),
    ).order;
    expect(await w.shop.ordering.deliverOrder(order.orderNo)).toMatchObject({ ok: false, error: { code: 'ORDER_NOT_FULFILLABLE' } });
    expect(await w.shop.ordering.deliverOrder('T20990101000000000000009')).toMatchObject({ ok: false, error: { code: 'ORDER_NOT_FOUND' } });
  });
});
