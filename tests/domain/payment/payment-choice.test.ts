// The shop's payment choice (PAYMENT_METHODS, PAYMENT_METHOD_EXCEPTIONS): which methods, in which order, and the
// products sold only by some of them — offered so, and enforced at placement.
import { DEFAULT_PAYMENT_CHOICE, enabledMethods, methodsForProducts } from '../../../domain/payment';
import { DomainWorld, ScriptedProvider, openDomainWorld, value } from '../support/domain-world';

describe('which methods a shop offers, in its order', () => {
  const wechatpay = new ScriptedProvider();

  it('by default every method, the QR codes first; a QR method only with its provider', () => {
    expect(DEFAULT_PAYMENT_CHOICE).toEqual(['wechatpay', 'alipay', 'stars', 'credit']);
    expect(enabledMethods({ wechatpay })).toEqual(['wechatpay', 'credit']);
    expect(enabledMethods({ wechatpay, alipay: wechatpay })).toEqual(['wechatpay', 'alipay', 'credit']);
    expect(enabledMethods({})).toEqual(['credit']);
  });

  it("in the shop's order, and only those it turned on", () => {
    expect(enabledMethods({ wechatpay, alipay: wechatpay }, ['alipay', 'credit', 'wechatpay'])).toEqual(['alipay', 'credit', 'wechatpay']);
    expect(enabledMethods({ wechatpay, alipay: wechatpay }, ['alipay'])).toEqual(['alipay']);
    expect(enabledMethods({ wechatpay }, ['alipay', 'credit'])).toEqual(['credit']);
  });

  it('Telegram Stars only when every product in the cart has a Stars price', () => {
    const all = ['wechatpay', 'stars', 'credit'] as const;
    expect(methodsForProducts(all, {}, [{ sku: 'KEY', kind: 'code', starsPrice: 50 }])).toEqual(['wechatpay', 'stars', 'credit']);
    expect(
      methodsForProducts(all, {}, [
        { sku: 'KEY', kind: 'code', starsPrice: 50 },
        { sku: 'PEN', kind: 'code', starsPrice: null },
      ]),
    ).toEqual(['wechatpay', 'credit']);
    expect(methodsForProducts(all, {}, [{ sku: 'PACK', kind: 'credit', starsPrice: 75 }])).toEqual(['wechatpay', 'stars']);
    expect(methodsForProducts(all, { KEY: ['wechatpay'] }, [{ sku: 'KEY', kind: 'code', starsPrice: 50 }])).toEqual(['wechatpay']);
  });

  it('for a cart: never credit for a credit pack, and only its methods for a product with an exception', () => {
    const all = ['alipay', 'wechatpay', 'credit'] as const;
    const exceptions = { GIFT: ['alipay', 'credit'] as const, VIP: ['credit'] as const };
    expect(methodsForProducts(all, exceptions, [{ sku: 'PEN', kind: 'manual' }])).toEqual(['alipay', 'wechatpay', 'credit']);
    expect(methodsForProducts(all, exceptions, [{ sku: 'PACK', kind: 'credit' }])).toEqual(['alipay', 'wechatpay']);
    expect(methodsForProducts(all, exceptions, [{ sku: 'GIFT', kind: 'manual' }])).toEqual(['alipay', 'credit']);
    expect(
      methodsForProducts(all, exceptions, [
        { sku: 'GIFT', kind: 'manual' },
        { sku: 'PACK', kind: 'credit' },
      ]),
    ).toEqual(['alipay']);
    expect(
      methodsForProducts(all, exceptions, [
        { sku: 'VIP', kind: 'manual' },
        { sku: 'PACK', kind: 'credit' },
      ]),
    ).toEqual([]);
  });
});

describe('placement enforces the choice', () => {
  let w: DomainWorld;
  let pen: number;
  let vip: number;
  let pack: number;
  beforeAll(async () => {
    w = await openDomainWorld({}, { paymentMethods: ['credit', 'wechatpay'], paymentExceptions: { VIP: ['wechatpay'], PACK: ['credit', 'wechatpay'] } });
    pen = await w.product({ sku: 'PEN', title: 'A pen', kind: 'manual', price: { amount: 300 }, stock: 100 });
    vip = await w.product({ sku: 'VIP', title: 'VIP pass', kind: 'manual', price: { amount: 900 }, stock: 100 });
    pack = await w.product({ sku: 'PACK', title: 'Credit pack', kind: 'credit', price: { amount: 2000 }, creditAmount: 2200 });
    await w.shopper('501', 10_000);
  });
  afterAll(() => w.close());

  const order = (productId: number, paymentMethod: string) =>
    w.shop.payment.checkout({ shopperId: '501', idempotencyKey: null, items: [{ productId, quantity: 1 }], paymentMethod });

  it('offers credit first, as configured', () => {
    expect(w.shop.payment.enabledMethods()).toEqual(['credit', 'wechatpay']);
  });

  it('a product with an exception is sold only by its methods', async () => {
    expect(await order(vip, 'credit')).toMatchObject({ ok: false, error: { code: 'PAYMENT_METHOD_NOT_ALLOWED' } });
    expect(value(await order(vip, 'wechatpay')).order.snapshot.status).toBe('AWAITING_PAYMENT');
    expect(value(await order(pen, 'credit')).order.snapshot.status).toBe('PAID');
  });

  it('a credit pack is never bought with credit, whatever the exceptions say', async () => {
    expect(await order(pack, 'credit')).toMatchObject({ ok: false, error: { code: 'PAYMENT_METHOD_NOT_ALLOWED' } });
    expect(await order(pen, 'alipay')).toMatchObject({ ok: false, error: { code: 'PAYMENT_METHOD_UNAVAILABLE' } });
  });
});
