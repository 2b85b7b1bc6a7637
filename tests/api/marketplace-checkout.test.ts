// The marketplace as its users meet it, over HTTP with the sandbox playing WeChat Pay (embedded store and MySQL):
// two sellers and the house in one checkout paid by ONE QR; seller A confirms through the seller API and is credited
// its goods minus commission; seller B cancels and the shopper gets exactly B's share back, once, though the gateway
// sends every refund notification ten times; strangers' numbers are 404; reconcile is clean.
import { databaseBackends } from '../support/services';
import { TestShop, createProduct, eventually, reconcileShop, startListeningShop } from '../support/test-shop';
import { addSeller, giveProductTo } from '../support/marketplace';

describe.each(databaseBackends())('a checkout across two sellers and the house (%s)', (backend) => {
  let shop: TestShop & { base: string };
  beforeAll(async () => {
    shop = await startListeningShop(backend);
  });
  afterAll(() => shop.close());

  const sandbox = () => {
    const gateway = shop.app.payments.sandbox;
    if (!gateway) throw new Error('sandbox not running');
    return gateway;
  };
  const call = (method: 'GET' | 'POST', url: string, headers: Record<string, string>, payload?: unknown) =>
    shop.api.inject({ method, url, headers, ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}) });
  const orderOf = async (orderNo: string) => {
    const story = await shop.app.shop.reporting.orderStory(orderNo);
    if (!story.ok) throw new Error(story.error.message);
    return story.value;
  };

  it('one QR for three shops; A confirms and is paid, B cancels and exactly its share is refunded once', async () => {
    const a = await addSeller(shop.app.persistence, { telegramUserId: '8001', confirmWindowMinutes: 60 });
    const b = await addSeller(shop.app.persistence, { telegramUserId: '8002' });
    const gift = await createProduct(shop, { sku: 'H-NOTE', title: 'House notebook', kind: 'manual', price: { amount: 1500, currency: 'CNY' } });
    const key = await createProduct(shop, { sku: 'A-KEY', title: 'Game key', kind: 'manual', price: { amount: 3000, currency: 'CNY' } });
    await giveProductTo(shop.app.persistence, key, a.id);
    const pot = await createProduct(shop, { sku: 'B-POT', title: 'Teapot', kind: 'physical', price: { amount: 2500, currency: 'CNY' }, stock: 4 });
    await giveProductTo(shop.app.persistence, pot, b.id);
    const option = await call('POST', '/v1/seller/delivery-options', shop.shopper(8002), { name: 'SF Express', fee: 1200, estimatedDays: 2 });
    expect(option.statusCode).toBe(201);
    expect((await call('POST', '/v1/seller/delivery-options', shop.shopper(8100), { name: 'x', fee: 1, estimatedDays: 1 })).statusCode).toBe(403);
    const listed = await call('GET', `/v1/sellers/${b.id}/delivery-options`, {});
    expect(listed.json()).toEqual({
      items: [{ id: option.json().id, sellerId: b.id, name: 'SF Express', fee: { amount: 1200, currency: 'CNY' }, estimatedDays: 2 }],
    });

    const placed = await call(
      'POST',
      '/v1/checkouts',
      { ...shop.shopper(8100), 'idempotency-key': 'market-checkout-1' },
      {
        items: [
          { productId: gift, quantity: 1 },
          { productId: key, quantity: 1 },
          { productId: pot, quantity: 2 },
        ],
        paymentMethod: 'wechatpay',
        address: { recipient: 'Han Meimei', phone: '13800000000', address: '2 West Lake Road, Hangzhou' },
        delivery: [{ sellerId: b.id, optionId: option.json().id }],
      },
    );
    expect(placed.statusCode).toBe(201);
    const checkout = placed.json();
    expect(checkout).toMatchObject({ status: 'OPEN', total: { amount: 1500 + 3000 + 5000 + 1200 }, payment: { status: 'READY' } });
    const [house, forA, forB] = checkout.orders as Array<{ orderNo: string; sellerId: number; total: { amount: number } }>;
    expect([house?.sellerId, forA?.sellerId, forB?.sellerId]).toEqual([1, a.id, b.id]);
    if (!house || !forA || !forB) throw new Error('three orders expected');
    expect((await call('GET', `/v1/account/address`, shop.shopper(8100))).json()).toMatchObject({ address: { recipient: 'Han Meimei' } });

    expect(sandbox().pay(checkout.checkoutNo).ok).toBe(true);
    await eventually(
      async () => [(await orderOf(house.orderNo)).order.status, (await orderOf(forA.orderNo)).order.status, (await orderOf(forB.orderNo)).order.status],
      (s) => s.join() === 'PAID,AWAITING_SELLER,AWAITING_SELLER',
    );

    // Only their own: B cannot confirm A's order, a shopper is no seller.
    expect((await call('POST', `/v1/seller/orders/${forA.orderNo}/confirm`, shop.shopper(8002))).statusCode).toBe(404);
    expect((await call('POST', `/v1/seller/orders/${forA.orderNo}/confirm`, shop.shopper(8100))).statusCode).toBe(403);
    const confirmed = await call('POST', `/v1/seller/orders/${forA.orderNo}/confirm`, shop.shopper(8001));
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: 'PAID', sellerId: a.id, checkoutNo: checkout.checkoutNo });
    const mine = await call('GET', '/v1/seller/orders', shop.shopper(8001));
    expect(mine.json()).toMatchObject({ total: 1, items: [{ orderNo: forA.orderNo }] });
    // A manual product waits for a person: the admin's "fulfilled" completes it and credits A 90 %.
    const fulfilled = await call('POST', `/v1/admin/orders/${forA.orderNo}/fulfil`, shop.admin, { note: 'sent by mail' });
    expect(fulfilled.statusCode).toBe(200);
    const [aBalance] = await shop.app.persistence.dataSource.query('SELECT balance_minor FROM seller_balances WHERE seller_id = ?', [a.id]);
    expect(Number(aBalance.balance_minor)).toBe(2700);

    sandbox().knobs.duplicateNotifications(10);
    const cancelled = await call('POST', `/v1/seller/orders/${forB.orderNo}/cancel`, shop.shopper(8002), { reason: 'out of stock' });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'REFUNDING' });
    expect((await call('POST', `/v1/seller/orders/${forB.orderNo}/cancel`, shop.shopper(8002), {})).statusCode).toBe(409);
    const story = await eventually(
      () => orderOf(forB.orderNo),
      (s) => s.order.status === 'REFUNDED',
      20_000,
    );
    await sandbox().idle();
    expect(story.order.refundedAmount).toBe(6200);
    expect(story.refunds).toEqual([expect.objectContaining({ amount: 6200, status: 'SUCCEEDED', outTradeNo: checkout.checkoutNo })]);
    expect(
      sandbox()
        .refunds()
        .filter((r) => r.outTradeNo === checkout.checkoutNo),
    ).toEqual([expect.objectContaining({ refund: 6200, total: 10700, status: 'SUCCESS' })]);
    const refundCallbacks = sandbox()
      .notifications()
      .filter((n) => n.outTradeNo === checkout.checkoutNo && n.eventType === 'REFUND.SUCCESS');
    expect(refundCallbacks).toHaveLength(1);
    expect(refundCallbacks[0]?.attempts.flatMap((x) => x.statuses)).toHaveLength(10);
    const stock = await call('GET', `/v1/products/${pot}`, {});
    expect(stock.json().stock).toBe(4);
    const view = await call('GET', `/v1/checkouts/${checkout.checkoutNo}`, shop.shopper(8100));
    expect(view.json()).toMatchObject({ status: 'PAID', refunded: { amount: 6200 } });
    expect((await call('GET', `/v1/checkouts/${checkout.checkoutNo}`, shop.shopper(8101))).statusCode).toBe(404);
    await shop.app.pump.flush();
    expect(await reconcileShop(shop)).toEqual([]);
  }, 60_000);
});
