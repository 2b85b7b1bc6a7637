// A shopper pays by Alipay (paymentMethod "alipay") through the shop's API and the sandbox's Alipay stand-in: real
// HTTP, the official SDK's RSA2 both ways, form-encoded notifications to /v1/payments/alipay/notify.
import { createPrivateKey, createSign, generateKeyPairSync, KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { databaseBackends } from '../support/services';
import { TestShop, createProduct, eventually, reconcileShop, startListeningShop } from '../support/test-shop';
import { must } from '../support/must';

describe.each(databaseBackends())('paying by Alipay through the sandbox (%s)', (backend) => {
  let shop: TestShop & { base: string };
  let pack: number;
  let alipayKey: KeyObject;
  let appId: string;

  beforeAll(async () => {
    // The repair job may ask about an unpaid order a second after its QR.
    shop = await startListeningShop(backend, { PAYMENT_FIRST_CHECK_SECONDS: '1' });
    pack = await createProduct(shop, {
      sku: 'ALI-PACK',
      title: '¥9.90 credit pack',
      kind: 'credit',
      price: { amount: 990, currency: 'CNY' },
      creditAmount: 1000,
    });
    // The stand-in's own key, as an independent forger of "genuine" notifications needs it.
    const stored = JSON.parse(readFileSync(join(shop.app.config.dataDir, 'sandbox', 'alipay-keys.json'), 'utf8')) as {
      alipayPrivateKey: string;
      appId: string;
    };
    alipayKey = createPrivateKey(stored.alipayPrivateKey);
    appId = stored.appId;
  });
  afterAll(async () => {
    await settled();
    expect(await reconcileShop(shop)).toEqual([]);
    await shop.close();
  });

  const sandbox = () => must(shop.app.payments.sandbox, 'the sandbox');
  const alipay = () => must(sandbox().alipay, 'the Alipay stand-in');
  async function settled(): Promise<void> {
    await sandbox().idle();
    await shop.app.pump.flush();
  }
  const order = (userId: number, key: string, quantity = 1) =>
    shop.api.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: { ...shop.shopper(userId), 'idempotency-key': key },
      payload: { items: [{ productId: pack, quantity }], paymentMethod: 'alipay' },
    });
  const status = async (userId: number, orderNo: string) =>
    (await shop.api.inject({ method: 'GET', url: `/v1/orders/${orderNo}`, headers: shop.shopper(userId) })).json().status as string;
  const balance = async (userId: number) =>
    (await shop.api.inject({ method: 'GET', url: '/v1/account', headers: shop.shopper(userId) })).json().balance.amount as number;
  const ledgerLength = async (userId: number) =>
    ((await shop.api.inject({ method: 'GET', url: '/v1/account/ledger', headers: shop.shopper(userId) })).json().items as unknown[]).length;

  it('offers both QR methods with nothing configured (and Telegram Stars, the bot having a token)', async () => {
    expect(shop.app.shop.payment.enabledMethods()).toEqual(['wechatpay', 'alipay', 'stars', 'credit']);
  });

  it('QR → the Alipay pay page → the tester picks the account → delivered', async () => {
    const user = 9201;
    const placed = await order(user, 'ali-flow-key-0001');
    expect(placed.statusCode).toBe(201);
    const body = placed.json();
    expect(body).toMatchObject({ status: 'AWAITING_PAYMENT', paymentMethod: 'alipay', total: { amount: 990 }, payment: { status: 'READY' } });
    expect(body.payment.codeUrl).toMatch(/\/alipay\/qr\/[0-9a-f]+$/);
    const html = await (await fetch(body.payment.codeUrl)).text();
    expect(html).toContain('¥9.90');
    const account = /<option value="([^"]+)">/.exec(html)?.[1];
    const paid = await fetch(`${body.payment.codeUrl}/pay`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ buyer: must(account, 'a buyer account') }).toString(),
    });
    expect(paid.status).toBe(200);
    await eventually(
      () => status(user, body.orderNo),
      (s) => s === 'DELIVERED',
    );
    expect(await balance(user)).toBe(1000);
    expect(alipay().trade(body.orderNo)).toMatchObject({ status: 'TRADE_SUCCESS', buyerLogonId: account });
    await settled();
    expect(
      alipay()
        .notifications()
        .find((n) => n.outTradeNo === body.orderNo)?.attempts[0]?.answers,
    ).toEqual(['success']);
  });

  it('ten copies of the notification, concurrently, deliver once', async () => {
    const user = 9202;
    sandbox().knobs.duplicateNotifications(10);
    try {
      const placed = (await order(user, 'ali-dup-key-00001', 2)).json();
      expect(alipay().pay(placed.orderNo).ok).toBe(true);
      await eventually(
        () => status(user, placed.orderNo),
        (s) => s === 'DELIVERED',
      );
      await settled();
      expect(await balance(user)).toBe(2000);
      expect(await ledgerLength(user)).toBe(1);
      const attempt = alipay()
        .notifications()
        .find((n) => n.outTradeNo === placed.orderNo)?.attempts[0];
      expect(attempt?.copies).toBe(10);
      expect(attempt?.answers.every((a) => a === 'success')).toBe(true);
    } finally {
      sandbox().knobs.reset();
    }
  });

  describe('forged notifications are answered fail and change nothing', () => {
    let user: number;
    let orderNo: string;
    const notify = (body: string) =>
      shop.api.inject({ method: 'POST', url: '/v1/payments/alipay/notify', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: body });
    const signed = (params: Record<string, string>, key: KeyObject = alipayKey) => {
      const content = Object.keys(params)
        .filter((k) => k !== 'sign' && k !== 'sign_type')
        .sort()
        .map((k) => `${k}=${params[k]}`)
        .join('&');
      return new URLSearchParams({ ...params, sign: createSign('RSA-SHA256').update(content, 'utf8').sign(key, 'base64') }).toString();
    };
    const genuine = (over: Record<string, string> = {}) => ({
      notify_time: '2026-12-02 18:00:00',
      notify_type: 'trade_status_sync',
      notify_id: `forged-${Math.random()}`,
      charset: 'utf-8',
      version: '1.0',
      sign_type: 'RSA2',
      app_id: appId,
      out_trade_no: orderNo,
      trade_no: '2026120222001234567890123456',
      trade_status: 'TRADE_SUCCESS',
      total_amount: '9.90',
      gmt_payment: '2026-12-02 17:59:58',
      ...over,
    });

    beforeAll(async () => {
      user = 9203;
      orderNo = (await order(user, 'ali-forged-key-001')).json().orderNo;
    });

    it.each([
      ['a bad signature', () => signed(genuine()).replace(/sign=[^&]+/, `sign=${encodeURIComponent(Buffer.alloc(256, 9).toString('base64'))}`)],
      ['another key', () => signed(genuine(), generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey)],
      ['a tampered amount', () => signed(genuine()).replace('total_amount=9.90', 'total_amount=0.01')],
      ['a validly signed wrong amount', () => signed(genuine({ total_amount: '0.01' }))],
      ['another app_id', () => signed(genuine({ app_id: '2021000000000999' }))],
      ['an unknown out_trade_no', () => signed(genuine({ out_trade_no: 'NO-SUCH-ORDER-1' }))],
      ['WAIT_BUYER_PAY', () => signed(genuine({ trade_status: 'WAIT_BUYER_PAY' }))],
      ['TRADE_CLOSED', () => signed(genuine({ trade_status: 'TRADE_CLOSED' }))],
      ['an empty body', () => ''],
    ])('%s', async (_what, body) => {
      const res = await notify(body());
      expect(res.body).toBe('fail');
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(await status(user, orderNo)).toBe('AWAITING_PAYMENT');
    });

    it('the genuine one is believed (success), once however often it comes', async () => {
      // The stand-in's trade is paid for real first, so the order, the provider and reconcile agree.
      const paid = alipay().pay(orderNo);
      expect(paid.ok).toBe(true);
      await eventually(
        () => status(user, orderNo),
        (s) => s === 'DELIVERED',
      );
      const trade = must(alipay().trade(orderNo), 'the trade');
      const again = signed(genuine({ trade_no: must(trade.tradeNo, 'trade_no') }));
      const answers = await Promise.all(Array.from({ length: 10 }, () => notify(again)));
      expect(answers.map((a) => a.body)).toEqual(Array(10).fill('success'));
      await shop.app.pump.flush();
      expect(await ledgerLength(user)).toBe(1);
    });
  });

  it('a corrupted notification is refused, and the genuine retry delivers', async () => {
    const user = 9204;
    sandbox().knobs.corruptNotifications(1, 'serial');
    try {
      const placed = (await order(user, 'ali-corrupt-key-01')).json();
      expect(alipay().pay(placed.orderNo).ok).toBe(true);
      await eventually(
        () => status(user, placed.orderNo),
        (s) => s === 'DELIVERED',
      );
      // The attempt is recorded once the merchant has answered it: after the delivery it caused.
      await settled();
      const attempts =
        alipay()
          .notifications()
          .find((n) => n.outTradeNo === placed.orderNo)?.attempts ?? [];
      expect(attempts[0]).toMatchObject({ corrupted: 'serial', answers: ['HTTP 400 fail'], acknowledged: false });
      expect(attempts[1]).toMatchObject({ answers: ['success'], acknowledged: true });
    } finally {
      sandbox().knobs.reset();
    }
  });

  it('a dropped notification is repaired by the job asking Alipay', async () => {
    const user = 9205;
    sandbox().knobs.dropNotifications(1);
    const placed = (await order(user, 'ali-dropped-key-01')).json();
    expect(alipay().pay(placed.orderNo).ok).toBe(true);
    await settled();
    expect(await status(user, placed.orderNo)).toBe('AWAITING_PAYMENT');
    await eventually(
      async () => {
        await shop.app.shop.payment.repairDroppedPayments(100);
        return status(user, placed.orderNo);
      },
      (s) => s === 'PAID' || s === 'DELIVERED',
    );
    await eventually(
      () => status(user, placed.orderNo),
      (s) => s === 'DELIVERED',
    );
    expect(await balance(user)).toBe(1000);
  });

  it('a partial refund goes back through Alipay', async () => {
    const user = 9206;
    const placed = (await order(user, 'ali-refund-key-001')).json();
    expect(alipay().pay(placed.orderNo).ok).toBe(true);
    await eventually(
      () => status(user, placed.orderNo),
      (s) => s === 'DELIVERED',
    );
    const refunded = await shop.api.inject({
      method: 'POST',
      url: `/v1/admin/orders/${placed.orderNo}/refunds`,
      headers: { ...shop.admin, 'idempotency-key': 'ali-refund-0000001' },
      payload: { amount: 330, reason: 'a third back' },
    });
    expect(refunded.statusCode).toBe(201);
    await shop.app.pump.flush();
    await eventually(
      async () => {
        await shop.app.shop.payment.syncRefunds(10);
        return status(user, placed.orderNo);
      },
      (s) => s === 'PARTIALLY_REFUNDED',
    );
    expect(alipay().trade(placed.orderNo)).toMatchObject({ status: 'TRADE_SUCCESS', refunded: 330 });
    expect(
      alipay()
        .refunds()
        .filter((r) => r.outTradeNo === placed.orderNo),
    ).toHaveLength(1);
  });

  it('cancelling asks Alipay first: an unscanned code closes here; a scanned one is closed there too', async () => {
    const user = 9207;
    const unscanned = (await order(user, 'ali-cancel-key-001')).json();
    const a = await shop.api.inject({ method: 'POST', url: `/v1/orders/${unscanned.orderNo}/cancel`, headers: shop.shopper(user) });
    expect(a.json().status).toBe('CLOSED');
    const scanned = (await order(user, 'ali-cancel-key-002', 2)).json();
    await fetch(scanned.payment.codeUrl);
    const b = await shop.api.inject({ method: 'POST', url: `/v1/orders/${scanned.orderNo}/cancel`, headers: shop.shopper(user) });
    expect(b.json().status).toBe('CLOSED');
    expect(alipay().trade(scanned.orderNo)?.status).toBe('TRADE_CLOSED');
  });
});
