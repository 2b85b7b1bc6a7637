// Telegram Stars through the API: products with a Stars price, an order priced in XTR with its invoice link, the
// pre-checkout and payment use cases (the test plays the bot's side of the Bot API stand-in), and refunds.
import { type LocalBotApi, startLocalBotApi } from '../../infrastructure/telegram/local-bot-api';
import type { StarsPaymentOutcome } from '../../infrastructure/telegram/local-bot-api';
import { configuredProviders } from '../../domain/payment';
import { reconcileReport } from '../../domain/reporting';
import { SqlConsistencyChecks } from '../../infrastructure/persistence/reporting/consistency-queries';
import { databaseBackends } from '../support/services';
import { TEST_BOT_TOKEN, TestShop, createProduct, eventually, reconcileShop, startTestShop } from '../support/test-shop';

interface Update {
  update_id: number;
  pre_checkout_query?: { id: string; from: { id: number }; currency: string; total_amount: number; invoice_payload: string };
  message?: { date: number; successful_payment?: { currency: string; total_amount: number; invoice_payload: string; telegram_payment_charge_id: string } };
}

describe.each(databaseBackends())('Telegram Stars through the API (%s)', (backend) => {
  let telegram: LocalBotApi;
  let shop: TestShop;
  let key: number;
  let offset = 0;

  beforeAll(async () => {
    telegram = await startLocalBotApi({ token: TEST_BOT_TOKEN });
    shop = await startTestShop(backend, { TELEGRAM_API_ROOT: telegram.apiRoot });
    key = await createProduct(shop, { sku: 'STAR-KEY', title: 'Star key', kind: 'code', price: { amount: 990, currency: 'CNY' }, starsPrice: 25 });
    const codes = await shop.app.shop.catalog.addCodes(key, ['S-1', 'S-2', 'S-3']);
    if (!codes.ok) throw new Error(codes.error.message);
  });
  afterAll(async () => {
    await shop.app.pump.flush();
    expect(await reconcileShop(shop)).toEqual([]);
    await shop.close();
    await telegram.close();
  });

  const api = (method: string, params: Record<string, unknown>) =>
    fetch(`${telegram.apiRoot}/bot${TEST_BOT_TOKEN}/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(params),
    }).then((r) => r.json() as Promise<{ ok: boolean; result: unknown; description?: string }>);
  async function nextUpdate(accept: (u: Update) => boolean): Promise<Update> {
    for (;;) {
      const reply = await api('getUpdates', { offset, timeout: 5, allowed_updates: ['message', 'pre_checkout_query'] });
      for (const update of reply.result as Update[]) {
        offset = update.update_id + 1;
        if (accept(update)) return update;
      }
    }
  }
  const order = (userId: number, idempotencyKey: string, productId = key) =>
    shop.api.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: { ...shop.shopper(userId), 'idempotency-key': idempotencyKey },
      payload: { items: [{ productId, quantity: 1 }], paymentMethod: 'stars' },
    });

  /** Pays the invoice link as a person would, while the test answers Telegram's updates as the bot door does. */
  async function payLink(userId: number, link: string): Promise<{ outcome: StarsPaymentOutcome; recorded: string | null }> {
    const paying = telegram.driver.userPaysInvoiceLink({ id: userId, first_name: 'Payer' }, link);
    const query = (await nextUpdate((u) => u.pre_checkout_query !== undefined)).pre_checkout_query;
    if (!query) throw new Error('no pre-checkout query');
    const approved = await shop.app.shop.payment.approveStarsPreCheckout({
      orderNo: query.invoice_payload,
      shopperId: String(query.from.id),
      currency: query.currency,
      totalAmount: query.total_amount,
    });
    await api(
      'answerPreCheckoutQuery',
      approved.ok ? { pre_checkout_query_id: query.id, ok: true } : { pre_checkout_query_id: query.id, ok: false, error_message: approved.error.message },
    );
    const outcome = await paying;
    if (outcome.status !== 'paid') return { outcome, recorded: null };
    const paid = (await nextUpdate((u) => u.message?.successful_payment !== undefined)).message?.successful_payment;
    if (!paid) throw new Error('no successful_payment');
    const recorded = await shop.app.shop.payment.recordStarsPayment({
      orderNo: paid.invoice_payload,
      chargeId: paid.telegram_payment_charge_id,
      currency: paid.currency,
      totalAmount: paid.total_amount,
    });
    return { outcome, recorded: recorded.ok ? recorded.value : recorded.error.code };
  }

  it('keeps a Stars price on digital goods only, within Telegram’s 1..10000 stars', async () => {
    const manual = await shop.api.inject({
      method: 'POST',
      url: '/v1/admin/products',
      headers: shop.admin,
      payload: { sku: 'STAR-MANUAL', title: 'Hand made', kind: 'manual', price: { amount: 100, currency: 'CNY' }, starsPrice: 10 },
    });
    expect(manual.statusCode).toBe(400);
    expect(manual.json().error.message).toMatch(/starsPrice: only digital goods/);
    const tooMany = await shop.api.inject({ method: 'PATCH', url: `/v1/admin/products/${key}`, headers: shop.admin, payload: { starsPrice: 10_001 } });
    expect(tooMany.statusCode).toBe(400);
    const listed = await shop.api.inject({ method: 'GET', url: `/v1/products/${key}` });
    expect(listed.json()).toMatchObject({ starsPrice: 25, price: { amount: 990, currency: 'CNY' } });
    const plain = await createProduct(shop, { sku: 'NO-STARS', title: 'No stars', kind: 'code', price: { amount: 100, currency: 'CNY' } });
    const refused = await order(7001, 'stars-no-price-1', plain);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({ code: 'PAYMENT_METHOD_NOT_ALLOWED' });
  });

  it('tops up the shopper’s balance in the shop’s currency for a credit pack paid in stars, and takes it back on refund', async () => {
    const pack = await createProduct(shop, {
      sku: 'STAR-PACK',
      title: 'Credit pack',
      kind: 'credit',
      price: { amount: 1000, currency: 'CNY' },
      creditAmount: 1200,
      starsPrice: 60,
    });
    const placed = (await order(7003, 'stars-pack-0001', pack)).json();
    expect(placed.total).toEqual({ amount: 60, currency: 'XTR' });
    expect((await payLink(7003, placed.payment.invoiceLink)).recorded).toBe('PAID');
    const balance = await eventually(
      async () => (await shop.api.inject({ method: 'GET', url: '/v1/account', headers: shop.shopper(7003) })).json().balance,
      (b) => b.amount === 1200,
    );
    expect(balance).toEqual({ amount: 1200, currency: 'CNY' });
    const refunded = await shop.api.inject({
      method: 'POST',
      url: `/v1/admin/orders/${placed.orderNo}/refunds`,
      headers: { ...shop.admin, 'idempotency-key': 'stars-pack-refund-1' },
      payload: { reason: 'test' },
    });
    expect(refunded.statusCode).toBe(201);
    await eventually(
      async () => (await shop.api.inject({ method: 'GET', url: '/v1/account', headers: shop.shopper(7003) })).json().balance.amount,
      (amount) => amount === 0,
    );
  });

  it('prices the order in XTR, answers with an invoice link, and records the payment once by its charge id', async () => {
    const placed = await order(7002, 'stars-order-0001');
    expect(placed.statusCode).toBe(201);
    const body = placed.json();
    expect(body).toMatchObject({ paymentMethod: 'stars', total: { amount: 25, currency: 'XTR' }, payment: { status: 'READY' } });
    expect(body.payment.invoiceLink).toMatch(/^https:\/\/t\.me\/\$[A-Za-z0-9_-]+$/);
    const call = telegram.calls.byMethod('createInvoiceLink').at(-1);
    expect(call?.params).toMatchObject({ payload: body.orderNo, provider_token: '', currency: 'XTR', prices: [{ amount: 25 }] });

    // Another shopper holding the link is refused at pre-checkout.
    const stranger = await payLink(7999, body.payment.invoiceLink);
    expect(stranger.outcome).toEqual({ status: 'refused', errorMessage: expect.stringMatching(/no Stars order/) });

    const { outcome, recorded } = await payLink(7002, body.payment.invoiceLink);
    expect(recorded).toBe('PAID');
    if (outcome.status !== 'paid') throw new Error('not paid');
    // The same update again, and again at once: no second payment, no second delivery.
    const again = await Promise.all(
      [1, 2].map(() => shop.app.shop.payment.recordStarsPayment({ orderNo: body.orderNo, chargeId: outcome.chargeId, currency: 'XTR', totalAmount: 25 })),
    );
    expect(again.map((r) => r.ok && r.value)).toEqual(['ALREADY_RECORDED', 'ALREADY_RECORDED']);
    const delivered = await eventually(
      async () => (await shop.api.inject({ method: 'GET', url: `/v1/orders/${body.orderNo}`, headers: shop.shopper(7002) })).json(),
      (o) => o.status === 'DELIVERED',
    );
    expect(delivered.total).toEqual({ amount: 25, currency: 'XTR' });
    const admin = (await shop.api.inject({ method: 'GET', url: `/v1/orders/${body.orderNo}`, headers: shop.admin })).json();
    expect(admin.payments).toEqual([expect.objectContaining({ provider: 'stars', amount: { amount: 25, currency: 'XTR' }, status: 'SUCCEEDED' })]);

    // A wrong amount is refused at pre-checkout (the invoice must match the order).
    const wrong = await shop.app.shop.payment.approveStarsPreCheckout({ orderNo: body.orderNo, shopperId: '7002', currency: 'XTR', totalAmount: 24 });
    expect(wrong.ok).toBe(false);

    // Refunds: the whole charge only, then once through refundStarPayment.
    const partial = await shop.api.inject({
      method: 'POST',
      url: `/v1/admin/orders/${body.orderNo}/refunds`,
      headers: { ...shop.admin, 'idempotency-key': 'stars-refund-part-1' },
      payload: { amount: 5, reason: 'part' },
    });
    expect(partial.statusCode).toBe(400);
    expect(partial.json().error.message).toMatch(/stars refunds a whole charge only: refund all 25 XTR or nothing/);
    const full = await shop.api.inject({
      method: 'POST',
      url: `/v1/admin/orders/${body.orderNo}/refunds`,
      headers: { ...shop.admin, 'idempotency-key': 'stars-refund-full-1' },
      payload: { reason: 'changed mind' },
    });
    expect(full.statusCode).toBe(201);
    await eventually(
      async () => (await shop.api.inject({ method: 'GET', url: `/v1/orders/${body.orderNo}`, headers: shop.shopper(7002) })).json().status,
      (s) => s === 'REFUNDED',
    );
    const refunds = telegram.calls.byMethod('refundStarPayment').filter((c) => c.params.telegram_payment_charge_id === outcome.chargeId);
    expect(refunds).toHaveLength(1);
    expect(refunds[0]?.params).toMatchObject({ user_id: 7002 });
    expect(telegram.driver.starsBalance()).toBe(0);

    // Reconcile keeps the stars in a book of their own, apart from the shop's CNY.
    const report = await reconcileReport({
      checks: new SqlConsistencyChecks(shop.app.persistence.dataSource),
      providers: configuredProviders(shop.app.payments.providers),
      providerSampleSize: 100,
    });
    expect(report.ledgers.find((l) => l.currency === 'XTR')).toEqual({ currency: 'XTR', paidIn: 85, payments: 2, refunded: 85, refunds: 2, held: 0 });
    expect(report.ledgers.every((l) => l.currency === 'XTR' || l.currency === 'CNY')).toBe(true);
  });
});
