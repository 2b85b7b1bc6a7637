// Issue 5: "kill -9 of the process after the payment is recorded and before delivery → after restart, delivered
// exactly once." The window is made real: the merchant's fulfilment endpoint holds the delivery call open, and the
// shop is killed while it waits. Every job is on, in both lives, on a 2 s schedule.
import { expectReconcileClean, FaultWorld, ShopProcess, startFaultWorld } from './support/fault-world';
import { describeOnMysqlAndRedis } from './support/on-mysql-and-redis';
import { eventually } from './support/eventually';
import { FAULT_WEBHOOK_SECRET } from './support/shop-client';
import { WebhookReceiver, startWebhookReceiver } from './support/webhook-receiver';
import { must } from '../support/must';

describeOnMysqlAndRedis('a shop killed with SIGKILL between payment and delivery', () => {
  let world: FaultWorld;
  let shop: ShopProcess;
  let receiver: WebhookReceiver;
  let product: number;

  const orderRow = async (orderNo: string) => {
    const [rows] = (await world.db.query('SELECT status, delivery_attempts FROM orders WHERE order_no = ?', [orderNo])) as unknown as [
      Array<{ status: string; delivery_attempts: number }>,
    ];
    return must(rows[0], `the order row of ${orderNo}`);
  };
  const deliveryMessage = async (orderNo: string) => {
    const [rows] = (await world.db.query('SELECT status, locked_by FROM outbox WHERE dedupe_key = ?', [`deliver:${orderNo}`])) as unknown as [
      Array<{ status: string; locked_by: string | null }>,
    ];
    return rows[0];
  };

  beforeAll(async () => {
    receiver = await startWebhookReceiver(FAULT_WEBHOOK_SECRET);
    world = await startFaultWorld('killed', { sandboxTimeScale: 0.01 });
    shop = await world.startShop({ name: 'shop' });
    product = await shop.client.createProduct({
      sku: 'HOOK-1',
      title: 'Fulfilled by the merchant',
      kind: 'webhook',
      price: { amount: 1500, currency: 'CNY' },
      webhookUrl: receiver.url,
    });
  }, 180_000);
  afterAll(async () => {
    await world?.close();
    await receiver?.close();
  }, 60_000);

  it('delivers once after the restart: one fulfilled idempotency key, one DELIVERED order, reconcile clean', async () => {
    receiver.hang = true;
    const placed = await shop.client.placeOrder(5301, 'killed-order-0001', [{ productId: product, quantity: 1 }], 'wechatpay');
    expect(placed).toMatchObject({ status: 201, body: { payment: { status: 'READY' } } });
    const orderNo = placed.body.orderNo;
    const key = `${orderNo}:1`;
    expect((await world.sandbox.pay(orderNo)).status).toBe(200);

    // The payment is durable and acknowledged to the provider; the delivery call is out and unanswered.
    await eventually(
      async () => receiver.requests(),
      (r) => r.some((x) => x.key === key && x.outcome === 'hung'),
      30_000,
      world,
    );
    expect(await orderRow(orderNo)).toEqual({ status: 'PAID', delivery_attempts: 0 });
    const notice = (await world.sandbox.notifications()).find((n) => n.outTradeNo === orderNo);
    expect(notice?.status).toBe('acknowledged');
    expect((await deliveryMessage(orderNo))?.locked_by).not.toBeNull();

    const exit = await shop.proc.kill('SIGKILL');
    expect(exit.signal).toBe('SIGKILL');
    receiver.hang = false;
    expect(receiver.fulfilledKeys()).toEqual([]);

    // The dead process's claims (the delivery message, maybe the retry job's lease) lapse; whichever path comes
    // first delivers, and the other then finds the order delivered.
    await shop.restart();
    await eventually(
      () => shop.client.orderStatus(orderNo),
      (s) => s === 'DELIVERED',
      150_000,
      world,
      1000,
    );
    expect(receiver.fulfilledKeys()).toEqual([key]);
    await eventually(
      () => deliveryMessage(orderNo),
      (m) => m?.status === 'DONE',
      90_000,
      world,
      1000,
    );
    expect(receiver.fulfilledKeys()).toEqual([key]);
    expect(receiver.requests().filter((r) => r.outcome === 'bad-signature')).toEqual([]);
    expect((await orderRow(orderNo)).status).toBe('DELIVERED');

    await expectReconcileClean(world);
  }, 300_000);
});
