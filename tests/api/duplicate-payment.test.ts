// Issue 11 item 7 end to end: the sandbox charges a paid trade a second time (a different transaction) and calls the
// shop back. The shop acknowledges it once it is durable, refunds that transaction at the gateway, keeps the order
// as it was, tells the admins, and reconcile counts it — on the embedded store and on MySQL.
import { databaseBackends } from '../support/services';
import { TestShop, createProduct, eventually, reconcileShop, startListeningShop } from '../support/test-shop';
import { reconcileReport } from '../../domain/reporting';
import { SqlConsistencyChecks } from '../../infrastructure/persistence/reporting/consistency-queries';

describe.each(databaseBackends())('a trade paid twice at the provider (%s)', (backend) => {
  let shop: TestShop & { base: string };
  let pack: number;

  beforeAll(async () => {
    shop = await startListeningShop(backend);
    pack = await createProduct(shop, { sku: 'PACK-5', title: '¥5 credit', kind: 'credit', price: { amount: 500, currency: 'CNY' }, creditAmount: 550 });
  });
  afterAll(() => shop.close());

  const sandbox = () => {
    const gateway = shop.app.payments.sandbox;
    if (!gateway) throw new Error('sandbox not running');
    return gateway;
  };
  const story = async (orderNo: string) => {
    const told = await shop.app.shop.reporting.orderStory(orderNo);
    if (!told.ok) throw new Error(told.error.message);
    return told.value;
  };

  it('refunds the second charge by its transaction id, once, and reconcile is clean and counts it', async () => {
    const placed = await shop.api.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: { ...shop.shopper(9701), 'idempotency-key': 'dup-pay-key-0001' },
      payload: { items: [{ productId: pack, quantity: 1 }], paymentMethod: 'wechatpay' },
    });
    expect(placed.statusCode).toBe(201);
    const orderNo = placed.json().orderNo as string;
    expect(sandbox().pay(orderNo).ok).toBe(true);
    await eventually(
      () => story(orderNo),
      (s) => s.order.status === 'DELIVERED',
    );

    sandbox().knobs.duplicateNotifications(3);
    const second = sandbox().payAgain(orderNo);
    if (!second.ok) throw new Error(second.error.message);
    const charge = second.value;
    await sandbox().idle();
    // Every copy of the callback was acknowledged with a success status (nothing is left for the gateway to retry).
    const callbacks = sandbox()
      .notifications()
      .filter((n) => n.outTradeNo === orderNo && n.eventType === 'TRANSACTION.SUCCESS');
    expect(callbacks).toHaveLength(2);
    expect(callbacks.every((n) => n.status === 'acknowledged')).toBe(true);
    expect(callbacks[1]?.attempts.flatMap((a) => a.statuses)).toEqual([204, 204, 204]);

    const settled = await eventually(
      () => story(orderNo),
      (s) => s.refunds.length === 1 && s.refunds[0]?.status === 'SUCCEEDED',
    );
    expect(settled.order.status).toBe('DELIVERED');
    expect(settled.refunds[0]).toMatchObject({ kind: 'DUPLICATE_PAYMENT', transactionId: charge.transactionId, amount: 500 });
    const atGateway = sandbox()
      .refunds()
      .filter((r) => r.outTradeNo === orderNo);
    expect(atGateway).toEqual([expect.objectContaining({ transactionId: charge.transactionId, refund: 500, total: 500, status: 'SUCCESS' })]);
    // The order's own payment was not touched at the gateway.
    expect(sandbox().trade(orderNo)).toMatchObject({ state: 'SUCCESS', refunded: 0 });

    await shop.app.pump.flush();
    expect(await reconcileShop(shop)).toEqual([]);
    const report = await reconcileReport({ checks: new SqlConsistencyChecks(shop.app.persistence.dataSource), providers: [], providerSampleSize: 0 });
    expect(report.duplicatePayments).toEqual({ total: 1, refunded: 1, refunding: 0, failed: 0 });
  });
});
