// The lockout rule itself (SQLite, the domain world's fixed clock): N failures within the window lock, failures that
// left the window count for nothing, a checkout across sellers that expires is ONE failure, a lock uses its failures
// up, and the refusal says until when — for orders and checkouts alike.
import { noteCheckoutFailure } from '../../../domain/account';
import { DomainWorld, openDomainWorld, value } from '../support/domain-world';
import { addSeller, giveProductTo } from '../../support/marketplace';

const MINUTE = 60_000;

describe('checkout lockout (domain)', () => {
  let w: DomainWorld;
  let house: number;
  let theirs: number;
  let keyNo = 0;

  beforeAll(async () => {
    w = await openDomainWorld({ checkoutLockout: { failures: 3, windowMs: 60 * MINUTE, lockMs: 30 * MINUTE } });
    const seller = await addSeller(w.persistence, { telegramUserId: '7101' });
    house = await w.product({ sku: 'LK-H', title: 'House pen', kind: 'manual', price: { amount: 300 }, stock: 100 });
    theirs = await w.product({ sku: 'LK-S', title: 'Their pen', kind: 'manual', price: { amount: 300 }, stock: 100 });
    await giveProductTo(w.persistence, theirs, seller.id);
  });
  afterAll(() => w.close());

  const note = (userId: string, ref: string) => w.persistence.uow.run((tx) => noteCheckoutFailure(tx, w.limits, userId, 'COUPON_REFUSED', w.clock.now(), ref));
  const place = (userId: string) =>
    w.shop.payment.checkout({
      shopperId: userId,
      idempotencyKey: `lk-domain-${(keyNo += 1)}`,
      items: [{ productId: house, quantity: 1 }],
      paymentMethod: 'wechatpay',
    });
  const lockout = async (userId: string) => value(await w.shop.account.getCheckoutLockout(userId));

  it('locks at the Nth failure within the window; older ones count for nothing', async () => {
    await w.shopper('801');
    expect(await note('801', 'a')).toBe(false);
    w.clock.advance(61 * MINUTE);
    expect(await note('801', 'b')).toBe(false);
    expect(await note('801', 'c')).toBe(false);
    expect((await lockout('801')).counting).toBe(2);
    expect(await note('801', 'd')).toBe(true);
    const refused = await place('801');
    expect(refused).toMatchObject({ ok: false, error: { code: 'CHECKOUT_LOCKED', details: { retryAfterSeconds: 30 * 60 } } });
    if (refused.ok) throw new Error('refused expected');
    expect(refused.error.details?.lockedUntil).toBe(new Date(w.clock.now().getTime() + 30 * MINUTE).toISOString());
    // The lock used its failures up: one more during the lock does not lengthen it.
    expect(await note('801', 'e')).toBe(false);
    w.clock.advance(30 * MINUTE);
    expect(await place('801')).toMatchObject({ ok: true });
  });

  it('counts a checkout across sellers that expired once, however many orders it held', async () => {
    await w.shopper('802');
    const placed = await w.shop.payment.placeCheckout({
      shopperId: '802',
      idempotencyKey: 'lk-domain-multi',
      items: [
        { productId: house, quantity: 1 },
        { productId: theirs, quantity: 1 },
      ],
      paymentMethod: 'wechatpay',
    });
    expect(value(placed).orders).toHaveLength(2);
    w.clock.advance(w.limits.payWindowMs + MINUTE);
    await w.shop.payment.closeExpiredOrders(50);
    const seen = await lockout('802');
    expect(seen.recentFailures).toEqual([expect.objectContaining({ reason: 'ORDER_EXPIRED_UNPAID', ref: value(placed).checkout.checkoutNo })]);
    expect(seen.locked).toBe(false);
  });
});
