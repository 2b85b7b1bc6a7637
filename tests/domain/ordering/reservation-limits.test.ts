// Issue 11 item 1: one shopper cannot hoard a product with unpaid orders. Caps per product and in all across unpaid
// orders, and units released by cancelling still count for the cool-down, so cancel-and-reserve-again gains nothing.
import { DomainWorld, openDomainWorld, value } from '../support/domain-world';

describe('reservation limits', () => {
  let w: DomainWorld;
  let mug: number;
  let pen: number;
  let cup: number;
  beforeAll(async () => {
    w = await openDomainWorld({ maxUnpaidOrders: 3, maxReservedPerProduct: 5, maxReservedUnits: 8, cancelCooldownMs: 60_000 });
    mug = await w.product({ sku: 'MUG', title: 'A mug', kind: 'manual', price: { amount: 1000 }, stock: 20 });
    pen = await w.product({ sku: 'PEN', title: 'A pen', kind: 'manual', price: { amount: 300 }, stock: 100 });
    cup = await w.product({ sku: 'CUP', title: 'A cup', kind: 'manual', price: { amount: 500 }, stock: 100 });
  });
  afterAll(() => w.close());

  let keys = 0;
  const order = (shopperId: string, items: Array<[number, number]>, paymentMethod = 'wechatpay') =>
    w.shop.payment.checkout({
      shopperId,
      idempotencyKey: `limits-key-${(keys += 1).toString().padStart(4, '0')}`,
      items: items.map(([productId, quantity]) => ({ productId, quantity })),
      paymentMethod,
    });
  const stock = async (productId: number) => value(await w.shop.catalog.getProduct(productId)).stock ?? 0;

  it('caps the units of one product a shopper holds unpaid, and the refusal reserves nothing', async () => {
    await w.shopper('801');
    value(await order('801', [[mug, 3]]));
    const before = await stock(mug);
    expect(await order('801', [[mug, 4]])).toEqual({
      ok: false,
      error: { code: 'RESERVATION_LIMIT', message: expect.stringContaining('at most 5 of product'), details: { productId: mug, limit: 5 } },
    });
    expect(await stock(mug)).toBe(before);
    value(await order('801', [[mug, 2]]));
    expect(await stock(mug)).toBe(before - 2);
    // Another shopper is not held up by the first one's holdings.
    await w.shopper('802');
    value(await order('802', [[mug, 5]]));
  });

  it('caps the units a shopper holds unpaid across products and orders', async () => {
    await w.shopper('803');
    value(await order('803', [[pen, 4]]));
    value(await order('803', [[cup, 4]]));
    expect(await order('803', [[pen, 1]])).toMatchObject({ ok: false, error: { code: 'RESERVATION_LIMIT', details: { limit: 8 } } });
  });

  it('counts what a cancel released for the cool-down, then lets it go; a change within the caps is not held up', async () => {
    await w.shopper('804');
    const held = value(await order('804', [[cup, 5]])).order.orderNo;
    value(await w.shop.payment.cancelOrder(held, 'cancelled by the shopper', '804'));
    w.clock.advance(20_000);
    expect(await order('804', [[cup, 5]])).toEqual({
      ok: false,
      error: { code: 'CANCEL_COOLDOWN', message: expect.any(String), details: { productId: cup, limit: 5, retryAfterSeconds: 40 } },
    });
    expect(await order('804', [[cup, 1]])).toMatchObject({ ok: false, error: { code: 'CANCEL_COOLDOWN' } });
    value(await order('804', [[pen, 3]]));
    w.clock.advance(40_000);
    value(await order('804', [[cup, 5]]));

    await w.shopper('805');
    const small = value(await order('805', [[cup, 2]])).order.orderNo;
    value(await w.shop.payment.cancelOrder(small, 'cancelled by the shopper', '805'));
    value(await order('805', [[cup, 3]]));
  });

  it('does not apply to credit orders, which are paid as they are placed', async () => {
    await w.shopper('806', 100_000);
    for (let i = 0; i < 3; i += 1) value(await order('806', [[pen, 5]], 'credit'));
  });
});
