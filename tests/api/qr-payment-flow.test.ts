import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { databaseBackends } from '../support/services';
import { TestShop, createProduct, eventually, reconcileShop, startListeningShop } from '../support/test-shop';

describe.each(databaseBackends())('paying by QR code through the sandbox gateway (%s)', (backend) => {
  let shop: TestShop & { base: string };
  let pack: number;
  let limited: number;

  beforeAll(async () => {
    shop = await startListeningShop(backend);
    pack = await createProduct(shop, {
      sku: 'PACK-20',
      title: '¥20 credit pack',
      kind: 'credit',
      price: { amount: 2000, currency: 'CNY' },
      creditAmount: 2200,
    });
    limited = await createProduct(shop, { sku: 'LAST-ONE', title: 'The last one', kind: 'manual', price: { amount: 990, currency: 'CNY' }, stock: 1 });
  });
  afterAll(async () => {
    // Whatever happened above, the books balance: ledger, payments, deliveries, codes, and the provider agree.
    await sandboxSettled();
    expect(await reconcileShop(shop)).toEqual([]);
    await shop.close();
  });

  async function sandboxSettled(): Promise<void> {
    await shop.app.payments.sandbox?.idle();
    await shop.app.pump.flush();
  }

  const sandbox = () => {
    const gateway = shop.app.payments.sandbox;
    if (!gateway) throw new Error('sandbox not running');
    return gateway;
  };
  const order = (userId: number, key: string, items: Array<{ productId: number; quantity: number }>) =>
    shop.api.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: { ...shop.shopper(userId), 'idempotency-key': key },
      payload: { items, paymentMethod: 'wechatpay' },
    });
  const status = async (userId: number, orderNo: string) =>
    (await shop.api.inject({ method: 'GET', url: `/v1/orders/${orderNo}`, headers: shop.shopper(userId) })).json().status as string;
  const balance = async (userId: number) =>
    (await shop.api.inject({ method: 'GET', url: '/v1/account', headers: shop.shopper(userId) })).json().balance.amount as number;

  it('QR photo → pay page → Pay → delivered within seconds', async () => {
    const user = 9101;
    const placed = await order(user, 'qr-flow-key-0001', [{ productId: pack, quantity: 1 }]);
    expect(placed.statusCode).toBe(201);
    const body = placed.json();
    expect(body).toMatchObject({ status: 'AWAITING_PAYMENT', paymentMethod: 'wechatpay', total: { amount: 2000 }, payment: { status: 'READY' } });
    expect(body.payment.qrUrl).toMatch(new RegExp(`/v1/orders/${body.orderNo}/qr\\.png$`));

    const png = await shop.api.inject({ method: 'GET', url: `/v1/orders/${body.orderNo}/qr.png`, headers: shop.shopper(user) });
    expect(png.headers['content-type']).toBe('image/png');
    const image = PNG.sync.read(png.rawPayload);
    const decoded = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
    expect(decoded?.data).toBe(body.payment.codeUrl);
    const svg = await shop.api.inject({ method: 'GET', url: `/v1/orders/${body.orderNo}/qr.svg`, headers: shop.shopper(user) });
    expect(svg.body).toContain('<svg');

    const page = await fetch(body.payment.codeUrl);
    const html = await page.text();
    expect(html).toContain('¥20.00');
    const action = /<form method="post" action="([^"]+\/pay)"/.exec(html)?.[1];
    expect(action).toBeDefined();
    const paid = await fetch(new URL(action as string, body.payment.codeUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
    });
    expect(paid.status).toBe(200);

    await eventually(
      () => status(user, body.orderNo),
      (s) => s === 'DELIVERED',
    );
    expect(await balance(user)).toBe(2200);
  });

  it('ten copies of every notification, concurrently, deliver once', async () => {
    const user = 9102;
    sandbox().knobs.duplicateNotifications(10);
    try {
      const placed = (await order(user, 'dup-notify-key-01', [{ productId: pack, quantity: 2 }])).json();
      expect(sandbox().pay(placed.orderNo).ok).toBe(true);
      await eventually(
        () => status(user, placed.orderNo),
        (s) => s === 'DELIVERED',
      );
      await sandbox().idle();
      await shop.app.pump.flush();
      expect(await balance(user)).toBe(4400);
      const ledger = (await shop.api.inject({ method: 'GET', url: '/v1/account/ledger', headers: shop.shopper(user) })).json().items;
      expect(ledger).toHaveLength(1);
    } finally {
      sandbox().knobs.reset();
    }
  });

  it('a dropped notification is found by asking the provider', async () => {
    const user = 9103;
    sandbox().knobs.dropNotifications(1);
    const placed = (await order(user, 'dropped-key-0001', [{ productId: pack, quantity: 1 }])).json();
    expect(sandbox().pay(placed.orderNo).ok).toBe(true);
    await sandbox().idle();
    expect(await status(user, placed.orderNo)).toBe('AWAITING_PAYMENT');
    const checked = await shop.api.inject({ method: 'POST', url: `/v1/orders/${placed.orderNo}/check`, headers: shop.shopper(user) });
    expect(checked.json().status).toBe('PAID');
    await eventually(
      () => status(user, placed.orderNo),
      (s) => s === 'DELIVERED',
    );
    expect(await balance(user)).toBe(2200);
  });

  it('the same items while an order is still payable give that order back; the unpaid cap holds', async () => {
    const user = 9104;
    const first = (await order(user, 'reuse-key-000001', [{ productId: pack, quantity: 1 }])).json();
    const again = await order(user, 'reuse-key-000002', [{ productId: pack, quantity: 1 }]);
    expect(again.headers['idempotent-replayed']).toBe('reused');
    expect(again.json().orderNo).toBe(first.orderNo);
    expect(again.json().payment.codeUrl).toBe(first.payment.codeUrl);
    // Quantities within the reservation caps (MAX_RESERVED_PER_PRODUCT): only the count of unpaid orders is at stake.
    expect((await order(user, 'reuse-key-000003', [{ productId: pack, quantity: 2 }])).statusCode).toBe(201);
    expect((await order(user, 'reuse-key-000004', [{ productId: pack, quantity: 3 }])).statusCode).toBe(201);
    const capped = await order(user, 'reuse-key-000005', [{ productId: pack, quantity: 4 }]);
    expect(capped.statusCode).toBe(429);
    expect(capped.json().error.code).toBe('TOO_MANY_UNPAID_ORDERS');
    const cancelled = await shop.api.inject({ method: 'POST', url: `/v1/orders/${first.orderNo}/cancel`, headers: shop.shopper(user) });
    expect(cancelled.json().status).toBe('CLOSED');
    expect(sandbox().trade(first.orderNo)?.state).toBe('CLOSED');
    expect((await order(user, 'reuse-key-000006', [{ productId: pack, quantity: 4 }])).statusCode).toBe(201);
  });

  it('a provider that fails order creation leaves a payable order that the retry job completes', async () => {
    const user = 9105;
    sandbox().knobs.failNext('create', 5, { status: 500, code: 'SYSTEM_ERROR' });
    const placed = await order(user, 'prepay-retry-key-1', [{ productId: pack, quantity: 1 }]);
    expect(placed.statusCode).toBe(201);
    expect(placed.json()).toMatchObject({ status: 'CREATED', payment: { status: 'RETRYING' } });
    sandbox().knobs.reset();
    const retried = await shop.api.inject({ method: 'POST', url: `/v1/orders/${placed.json().orderNo}/payment`, headers: shop.shopper(user) });
    expect(retried.json()).toMatchObject({ status: 'READY' });
    expect(await status(user, placed.json().orderNo)).toBe('AWAITING_PAYMENT');
  });

  it('money for a closed order is delivered when stock allows, refunded when it does not', async () => {
    const early = 9106;
    const late = 9107;
    // Both shoppers get a QR for the last unit in turn: the first order is closed here while its payment is in flight.
    sandbox().knobs.delayNotifications(300);
    try {
      const a = (await order(early, 'late-pay-key-0001', [{ productId: limited, quantity: 1 }])).json();
      expect(sandbox().pay(a.orderNo).ok).toBe(true);
      // Our side closes it before the notification lands (as an expiry that raced the payment would).
      const closed = await shop.app.shop.payment.cancelOrder(a.orderNo, 'test: closed locally');
      // The provider is asked first: it says paid, so the order is paid, not closed.
      expect(closed.ok).toBe(false);
      await eventually(
        () => status(early, a.orderNo),
        (s) => s === 'PAID' || s === 'DELIVERED',
      );
    } finally {
      sandbox().knobs.reset();
    }
    // The stock is now gone; a late payment for another, already-closed order of the same product must be refunded.
    const again = await createProduct(shop, { sku: 'LAST-TWO', title: 'Scarce', kind: 'manual', price: { amount: 500, currency: 'CNY' }, stock: 1 });
    sandbox().knobs.dropNotifications(1);
    const b = (await order(late, 'late-pay-key-0002', [{ productId: again, quantity: 1 }])).json();
    expect(sandbox().pay(b.orderNo).ok).toBe(true);
    await sandbox().idle();
    // Close locally only (a crash between the provider's close and ours), then sell the unit to someone else.
    const { closeOrder } = await import('../../domain/payment');
    const deps = { uow: shop.app.persistence.uow, clock: { now: () => new Date() }, limits: shop.app.config.limits };
    expect((await closeOrder(deps, b.orderNo, 'test: local close')).ok).toBe(true);
    await shop.app.shop.account.adjustCredit({ userId: String(early), amount: 500, reason: 'test' });
    expect(
      (
        await shop.api.inject({
          method: 'POST',
          url: '/v1/orders',
          headers: { ...shop.shopper(early), 'idempotency-key': 'late-pay-key-0003' },
          payload: { items: [{ productId: again, quantity: 1 }], paymentMethod: 'credit' },
        })
      ).statusCode,
    ).toBe(201);
    // Now the money is seen: no stock left, so it goes back automatically.
    const checked = await shop.api.inject({ method: 'POST', url: `/v1/orders/${b.orderNo}/check`, headers: shop.shopper(late) });
    expect(checked.json().status).toBe('REFUNDING');
    await shop.app.pump.flush();
    await eventually(
      async () => {
        await shop.app.shop.payment.syncRefunds(10);
        return status(late, b.orderNo);
      },
      (s) => s === 'REFUNDED',
    );
    expect(
      sandbox()
        .refunds()
        .filter((r) => r.outTradeNo === b.orderNo),
    ).toHaveLength(1);
  });

  it('an admin refunds part of a QR-paid credit pack and the credit goes back with it', async () => {
    const user = 9108;
    const placed = (await order(user, 'refund-key-00001', [{ productId: pack, quantity: 1 }])).json();
    sandbox().pay(placed.orderNo);
    await eventually(
      () => status(user, placed.orderNo),
      (s) => s === 'DELIVERED',
    );
    expect(await balance(user)).toBe(2200);
    const refund = await shop.api.inject({
      method: 'POST',
      url: `/v1/admin/orders/${placed.orderNo}/refunds`,
      headers: { ...shop.admin, 'idempotency-key': 'refund-req-1' },
      payload: { amount: 1000, reason: 'half back' },
    });
    expect(refund.statusCode).toBe(201);
    expect(refund.json()).toMatchObject({ refund: { amount: { amount: 1000 }, status: 'PROCESSING' }, order: { status: 'REFUNDING' } });
    const replay = await shop.api.inject({
      method: 'POST',
      url: `/v1/admin/orders/${placed.orderNo}/refunds`,
      headers: { ...shop.admin, 'idempotency-key': 'refund-req-1' },
      payload: { amount: 1000, reason: 'half back' },
    });
    expect(replay.json().refund.outRefundNo).toBe(refund.json().refund.outRefundNo);
    expect(await balance(user)).toBe(1100);
    await shop.app.pump.flush();
    await eventually(
      async () => {
        await shop.app.shop.payment.syncRefunds(10);
        return status(user, placed.orderNo);
      },
      (s) => s === 'PARTIALLY_REFUNDED',
    );
    // Spend the rest of the credit: a further refund would need credit back that is gone.
    await shop.app.shop.account.adjustCredit({ userId: String(user), amount: -1100, reason: 'spent' });
    const refused = await shop.api.inject({
      method: 'POST',
      url: `/v1/admin/orders/${placed.orderNo}/refunds`,
      headers: shop.admin,
      payload: { reason: 'the rest' },
    });
    expect(refused.statusCode).toBe(402);
    expect(refused.json().error.code).toBe('INSUFFICIENT_CREDIT');
    expect(await status(user, placed.orderNo)).toBe('PARTIALLY_REFUNDED');
  });

  it('a forged notification gets FAIL and changes nothing', async () => {
    const user = 9109;
    const placed = (await order(user, 'forged-key-00001', [{ productId: pack, quantity: 1 }])).json();
    const forged = await fetch(`${shop.base}/v1/payments/wechatpay/notify`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'wechatpay-timestamp': String(Math.floor(Date.now() / 1000)),
        'wechatpay-nonce': 'abc',
        'wechatpay-signature': 'Zm9yZ2Vk',
        'wechatpay-serial': 'UNKNOWN',
        'wechatpay-signature-type': 'WECHATPAY2-SHA256-RSA2048',
      },
      body: JSON.stringify({
        id: 'x',
        event_type: 'TRANSACTION.SUCCESS',
        resource: { algorithm: 'AEAD_AES_256_GCM', ciphertext: 'AAAA', nonce: '123456789012', associated_data: 'transaction' },
      }),
    });
    expect(forged.status).toBe(401);
    expect(await forged.json()).toMatchObject({ code: 'FAIL' });
    const garbage = await fetch(`${shop.base}/v1/payments/wechatpay/notify`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'not json at all',
    });
    expect(garbage.status).toBe(401);
    expect(await status(user, placed.orderNo)).toBe('AWAITING_PAYMENT');
  });
});
