// The stuck-orders list: what the repairs have not moved on past the threshold, why, and in pages that add up.
import { OrderState } from '../../../domain/ordering';
import { DomainWorld, openDomainWorld, value } from '../support/domain-world';

describe('stuck orders', () => {
  let w: DomainWorld;
  let keys = 0;
  beforeAll(async () => {
    w = await openDomainWorld({ maxDeliveryAttempts: 3 });
  });
  afterAll(() => w.close());

  const creditOrder = async (shopperId: string, productId: number): Promise<OrderState> => {
    await w.shopper(shopperId, 10_000);
    keys += 1;
    const placed = value(
      await w.shop.payment.checkout({ shopperId, idempotencyKey: `stuck-key-${keys}`, items: [{ productId, quantity: 1 }], paymentMethod: 'credit' }),
    );
    await w.drain();
    return placed.order.snapshot;
  };
  const stuck = async (query = {}) => value(await w.shop.reporting.stuckOrders(query));

  it('lists each kind of hold-up with its reason once it waited longer than the threshold, refunds first', async () => {
    const manual = await w.product({ sku: 'HAND', title: 'Hand-made', kind: 'manual', price: { amount: 500 }, stock: 10 });
    const hooked = await w.product({ sku: 'HOOK', title: 'Hooked', kind: 'webhook', price: { amount: 300 }, webhookUrl: 'https://merchant.example/fulfil' });
    const mug = await w.product({ sku: 'MUGS', title: 'Mug', kind: 'manual', price: { amount: 800 }, stock: 10 });

    const waiting = await creditOrder('501', manual);
    w.webhook.failing = 'merchant answered 502';
    const failing = await creditOrder('502', hooked);
    const refunded = await creditOrder('503', mug);
    value(await w.shop.ordering.fulfilOrder(refunded.orderNo, 'posted'));
    w.provider.refundAnswer = (no) => ({ ok: true, value: { outRefundNo: no, refundId: `R-${no}`, status: 'PROCESSING' } });
    await w.shopper('504');
    const unpaid = value(
      await w.shop.payment.checkout({ shopperId: '504', idempotencyKey: 'stuck-key-qr', items: [{ productId: mug, quantity: 1 }], paymentMethod: 'wechatpay' }),
    ).order.snapshot;

    expect(await stuck()).toMatchObject({ items: [], total: 0, page: 1, pageSize: 20 });

    w.clock.advance(16 * 60_000);
    // A credit refund is final at once; a provider refund that stays PROCESSING is the stuck kind: pay one by QR and refund it.
    await w.shopper('505');
    const qr = value(
      await w.shop.payment.checkout({
        shopperId: '505',
        idempotencyKey: 'stuck-key-qr2',
        items: [{ productId: mug, quantity: 1 }],
        paymentMethod: 'wechatpay',
      }),
    ).order.snapshot;
    value(await w.shop.payment.applyProviderEvent(w.paid(w.provider.pay(qr.orderNo, qr.totalAmount, w.clock.now()))));
    await w.drain();
    value(await w.shop.ordering.fulfilOrder(qr.orderNo, 'posted'));
    const refund = value(await w.shop.payment.refundOrder({ orderNo: qr.orderNo, reason: 'broken' }));
    await w.drain();
    w.provider.closeAnswer = { ok: false, error: { code: 'PROVIDER_UNAVAILABLE', message: 'provider down' } };
    await w.shop.payment.closeExpiredOrders(10);

    const early = await stuck();
    expect(early.items.map((s) => [s.order.orderNo, s.reason])).toEqual([
      [waiting.orderNo, 'AWAITING_FULFILMENT'],
      [failing.orderNo, 'DELIVERY_FAILING'],
    ]);
    expect(early.items[1]).toMatchObject({ detail: expect.stringContaining('502'), since: failing.paidAt });

    w.clock.advance(16 * 60_000);
    // The pay window closed 17 minutes ago and closing keeps failing; the refund has been PROCESSING for 16.
    await w.shop.payment.closeExpiredOrders(10);
    const later = await stuck();
    expect(later.items.map((s) => [s.order.orderNo, s.reason])).toEqual([
      [qr.orderNo, 'REFUND_STUCK'],
      [waiting.orderNo, 'AWAITING_FULFILMENT'],
      [failing.orderNo, 'DELIVERY_FAILING'],
      [unpaid.orderNo, 'NOT_CLOSED'],
    ]);
    expect(later).toMatchObject({ total: 4 });
    expect(later.items[0]).toMatchObject({ order: { status: 'REFUNDING' }, refund: { outRefundNo: refund.outRefundNo }, since: refund.createdAt });
    expect(later.items[3]?.since).toEqual(unpaid.expiresAt);
    expect(later.items.map((s) => s.order.orderNo)).not.toContain(refunded.orderNo);

    expect((await stuck({ olderThanMinutes: 60 })).total).toBe(0);
    w.webhook.failing = null;
    w.provider.closeAnswer = { ok: true, value: undefined };
  });

  it('names a delivery stuck once its attempts are used up', async () => {
    const hooked = await w.product({ sku: 'HOOK2', title: 'Hooked again', kind: 'webhook', price: { amount: 300 }, webhookUrl: 'https://merchant.example/f2' });
    w.webhook.failing = 'merchant answered 500';
    const order = await creditOrder('511', hooked);
    for (let i = 0; i < 3; i += 1) {
      w.clock.advance(2 * 3_600_000);
      await w.shop.ordering.retryDeliveries(10);
    }
    w.webhook.failing = null;
    const found = (await stuck({ pageSize: 100 })).items.find((s) => s.order.orderNo === order.orderNo);
    expect(found).toMatchObject({ reason: 'DELIVERY_STUCK' });
  });

  it('pages through one list: every entry once, in the same order, with the total on each page', async () => {
    const all = await stuck({ pageSize: 100 });
    expect(all.total).toBeGreaterThanOrEqual(4);
    const seen: string[] = [];
    for (let page = 1; page <= Math.ceil(all.total / 2); page += 1) {
      const one = await stuck({ page, pageSize: 2 });
      expect(one).toMatchObject({ total: all.total, page, pageSize: 2 });
      seen.push(...one.items.map((s) => `${s.reason} ${s.order.orderNo}`));
    }
    expect(seen).toEqual(all.items.map((s) => `${s.reason} ${s.order.orderNo}`));
    expect((await stuck({ page: 99, pageSize: 2 })).items).toEqual([]);
  });

  it('refuses a bad threshold or page in words', async () => {
    expect(await w.shop.reporting.stuckOrders({ olderThanMinutes: 0 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: 'olderThanMinutes: must be at least 1' },
    });
    expect(await w.shop.reporting.stuckOrders({ pageSize: 1000 })).toMatchObject({ ok: false, error: { message: 'pageSize: must be at most 100' } });
  });
});

describe('paged order lists', () => {
  let w: DomainWorld;
  beforeAll(async () => {
    w = await openDomainWorld();
  });
  afterAll(() => w.close());

  it('gives a shopper their own orders newest first, page by page, with the total', async () => {
    const pen = await w.product({ sku: 'PEN', title: 'Pen', kind: 'manual', price: { amount: 100 }, stock: 100 });
    await w.shopper('601', 10_000);
    await w.shopper('602', 10_000);
    const placed: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const order = value(
        await w.shop.payment.checkout({
          shopperId: '601',
          idempotencyKey: `page-key-${i}`,
          items: [{ productId: pen, quantity: i + 1 }],
          paymentMethod: 'credit',
        }),
      );
      placed.push(order.order.snapshot.orderNo);
      w.clock.advance(1000);
    }
    value(
      await w.shop.payment.checkout({ shopperId: '602', idempotencyKey: 'page-key-other', items: [{ productId: pen, quantity: 1 }], paymentMethod: 'credit' }),
    );

    const first = value(await w.shop.ordering.listMyOrders('601', { pageSize: 2 }));
    expect(first).toMatchObject({ total: 5, page: 1, pageSize: 2 });
    const third = value(await w.shop.ordering.listMyOrders('601', { page: 3, pageSize: 2 }));
    const second = value(await w.shop.ordering.listMyOrders('601', { page: 2, pageSize: 2 }));
    expect([...first.items, ...second.items, ...third.items].map((o) => o.orderNo)).toEqual([...placed].reverse());
    expect(value(await w.shop.ordering.listOrders({ pageSize: 4 }))).toMatchObject({ total: 6, page: 1, pageSize: 4 });
    expect(await w.shop.ordering.listMyOrders('601', { page: 0 })).toMatchObject({ ok: false, error: { message: 'page: must be at least 1' } });
  });
});
