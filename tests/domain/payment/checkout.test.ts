// Placing an order and paying for it (payment's checkout over ordering's placement), every branch.
import { DomainWorld, openDomainWorld, value } from '../support/domain-world';

describe('checkout', () => {
  let w: DomainWorld;
  let pen: number;
  let pack: number;
  let keys: number;
  let hidden: number;
  beforeAll(async () => {
    w = await openDomainWorld({ maxUnpaidOrders: 2 });
    pen = await w.product({ sku: 'PEN', title: 'A pen', kind: 'manual', price: { amount: 300 }, stock: 100 });
    pack = await w.product({ sku: 'PACK', title: 'Credit pack', kind: 'credit', price: { amount: 2000 }, creditAmount: 2200 });
    keys = await w.product({ sku: 'KEY', title: 'Game key', kind: 'code', price: { amount: 1500 }, codes: ['K-1'] });
    hidden = await w.product({ sku: 'GONE', title: 'Hidden', kind: 'manual', price: { amount: 100 }, visible: false });
  });
  afterAll(() => w.close());

  const order = (shopperId: string, key: string | null, productId: number, paymentMethod: string, quantity = 1) =>
    w.shop.payment.checkout({ shopperId, idempotencyKey: key, items: [{ productId, quantity }], paymentMethod });

  it('places a QR order under a number drawn from the Ids port and gets its code at once', async () => {
    await w.shopper('101');
    const placed = value(await order('101', 'qr-key-00000001', pen, 'wechatpay'));
    expect(placed.outcome).toBe('created');
    expect(placed.order.snapshot).toMatchObject({ orderNo: expect.stringMatching(/^T20260301100000\d{10}$/), status: 'AWAITING_PAYMENT', totalAmount: 300 });
    expect(placed.payment).toMatchObject({ status: 'READY', codeUrl: `weixin://wxpay/bizpayurl?pr=${placed.order.orderNo}` });
    expect(w.provider.calls).toContain(`create ${placed.order.orderNo} 300`);
  });

  it('replays the same key with the same body, and refuses it with another', async () => {
    await w.shopper('102');
    const first = value(await order('102', 'replay-key-0001', pen, 'wechatpay'));
    const again = value(await order('102', 'replay-key-0001', pen, 'wechatpay'));
    expect(again).toMatchObject({ outcome: 'replayed', order: { orderNo: first.order.orderNo } });
    expect(await order('102', 'replay-key-0001', pen, 'wechatpay', 2)).toMatchObject({ ok: false, error: { code: 'IDEMPOTENCY_KEY_REUSED' } });
  });

  it('hands back a still-payable order for the same items, and caps unpaid orders', async () => {
    await w.shopper('103');
    const first = value(await order('103', 'reuse-key-00001', pen, 'wechatpay', 3));
    expect(value(await order('103', 'reuse-key-00002', pen, 'wechatpay', 3))).toMatchObject({ outcome: 'reused', order: { orderNo: first.order.orderNo } });
    value(await order('103', 'reuse-key-00003', pen, 'wechatpay', 4));
    expect(await order('103', 'reuse-key-00004', pen, 'wechatpay', 5)).toMatchObject({ ok: false, error: { code: 'TOO_MANY_UNPAID_ORDERS' } });
  });

  it('does not hand back an order about to close: a new one is placed', async () => {
    await w.shopper('104');
    const first = value(await order('104', 'late-reuse-0001', pen, 'wechatpay', 5));
    w.clock.advance(w.limits.payWindowMs - w.limits.reuseMinRemainingMs + 1);
    const second = value(await order('104', 'late-reuse-0002', pen, 'wechatpay', 4));
    expect(second.outcome).toBe('created');
    expect(second.order.orderNo).not.toBe(first.order.orderNo);
  });

  it('refuses unknown and hidden products and what is out of stock, leaving the stock as it was', async () => {
    await w.shopper('105', 10_000);
    expect(await order('105', null, 999_999, 'wechatpay')).toMatchObject({ ok: false, error: { code: 'PRODUCT_NOT_FOUND' } });
    expect(await order('105', null, hidden, 'wechatpay')).toMatchObject({ ok: false, error: { code: 'PRODUCT_NOT_FOUND' } });
    expect(await order('105', null, keys, 'credit', 2)).toMatchObject({ ok: false, error: { code: 'OUT_OF_STOCK' } });
    expect(value(await w.shop.catalog.getProduct(keys)).stock).toBe(1);
  });

  it('pays with credit in the placement itself, or places nothing when the balance is short', async () => {
    await w.shopper('106', 1500);
    const paid = value(await order('106', 'credit-key-0001', keys, 'credit'));
    expect(paid).toMatchObject({ outcome: 'created', payment: null, order: { snapshot: { status: 'PAID', paymentMethod: 'credit' } } });
    expect((await w.shop.account.getAccount('106')).balance).toBe(0);
    expect(value(await w.shop.catalog.getProduct(keys)).stock).toBe(0);

    await w.shopper('107', 100);
    expect(await order('107', 'credit-key-0002', pen, 'credit')).toMatchObject({ ok: false, error: { code: 'INSUFFICIENT_CREDIT' } });
    expect(await w.shop.ordering.listMyOrders('107')).toMatchObject({ ok: true, value: { items: [], total: 0 } });
    expect((await w.shop.account.getAccount('107')).balance).toBe(100);
  });

  it('refuses a credit pack paid with credit, a bad method, a bad key, and an empty cart', async () => {
    await w.shopper('108', 10_000);
    expect(await order('108', null, pack, 'credit')).toMatchObject({ ok: false, error: { code: 'PAYMENT_METHOD_NOT_ALLOWED' } });
    expect(await order('108', null, pen, 'paypal')).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    // A method the shop knows, whose provider this world does not have.
    expect(await order('108', null, pen, 'alipay')).toMatchObject({ ok: false, error: { code: 'PAYMENT_METHOD_UNAVAILABLE' } });
    expect(await order('108', 'short', pen, 'credit')).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await w.shop.payment.checkout({ shopperId: '108', idempotencyKey: null, fromCart: true, paymentMethod: 'credit' })).toMatchObject({
      ok: false,
      error: { code: 'CART_EMPTY' },
    });
  });

  it('checks out the cart and empties it', async () => {
    await w.shopper('109', 10_000);
    value(await w.shop.ordering.addToCart('109', pen, 2));
    const paid = value(await w.shop.payment.checkout({ shopperId: '109', idempotencyKey: 'cart-key-00001', fromCart: true, paymentMethod: 'credit' }));
    expect(paid.order.snapshot).toMatchObject({ status: 'PAID', totalAmount: 600, lines: [{ productId: pen, quantity: 2 }] });
    expect((await w.shop.ordering.viewCart('109')).items).toEqual([]);
  });

  it('queues the delivery and both notices with the payment, in the same transaction', async () => {
    await w.shopper('110', 10_000);
    const paid = value(await order('110', 'notice-key-0001', pen, 'credit'));
    w.notices.shopper.length = 0;
    w.notices.admins.length = 0;
    await w.drain();
    const orderNo = paid.order.orderNo;
    expect(w.notices.admins).toContainEqual({ event: 'ORDER_PAID', orderNo });
    expect(w.notices.shopper).toContainEqual({ userId: '110', event: 'ORDER_PAID', orderNo, amount: 300 });
    expect(value(await w.shop.payment.getOrder(orderNo, null)).order.status).toBe('PAID');
  });
});
