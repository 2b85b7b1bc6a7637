// Buying from two sellers and the house in one go (SQLite, the domain world): one checkout, one QR for the total,
// the house's order delivered at once, each seller's held until they answer; A confirms and is paid its goods minus
// commission, B cancels and exactly B's share goes back once; the window job, the shipping of physical goods and
// the reconcile's proofs.
import { OrderState } from '../../../domain/ordering';
import { reconcileReport } from '../../../domain/reporting';
import { SqlConsistencyChecks } from '../../../infrastructure/persistence/reporting/consistency-queries';
import { DomainWorld, openDomainWorld, value } from '../support/domain-world';
import { TestSeller, addSeller, giveProductTo } from '../../support/marketplace';

const HOUR = 3_600_000;
const ADDRESS = { recipient: 'Li Lei', phone: '+86 138 0000 0000', address: '1 Nanjing Road, Shanghai' };

describe('a checkout across sellers', () => {
  let w: DomainWorld;
  let a: TestSeller;
  let b: TestSeller;
  let houseCode: number;
  let aCode: number;
  let bTeapot: number;
  let bPost: number;

  beforeAll(async () => {
    w = await openDomainWorld();
    a = await addSeller(w.persistence, { telegramUserId: '7001', confirmWindowMinutes: 60 });
    b = await addSeller(w.persistence, { telegramUserId: '7002', commissionBps: 500 });
    houseCode = await w.product({
      sku: 'H-GIFT',
      title: 'House gift card',
      kind: 'code',
      price: { amount: 1000 },
      codes: Array.from({ length: 12 }, (_, i) => `H${i}`),
    });
    aCode = await w.product({ sku: 'A-KEY', title: 'Game key', kind: 'code', price: { amount: 3000 }, codes: Array.from({ length: 12 }, (_, i) => `A${i}`) });
    await giveProductTo(w.persistence, aCode, a.id);
    bTeapot = await w.product({ sku: 'B-POT', title: 'Teapot', kind: 'physical', price: { amount: 2500 }, stock: 5 });
    await giveProductTo(w.persistence, bTeapot, b.id);
    bPost = value(await w.shop.ordering.addDeliveryOption(b.id, { name: 'China Post', fee: 800, estimatedDays: 5 })).id;
  });
  afterAll(() => w.close());

  const order = async (orderNo: string): Promise<OrderState> => value(await w.shop.payment.getOrder(orderNo, null)).order;
  const stockOf = async (id: number) => value(await w.shop.catalog.getProduct(id)).stock;
  const reconcile = () => reconcileReport({ checks: new SqlConsistencyChecks(w.persistence.dataSource), providers: [], providerSampleSize: 0 });
  const bySeller = (orders: readonly { snapshot: OrderState }[], sellerId: number) => {
    const found = orders.find((o) => o.snapshot.sellerId === sellerId);
    if (!found) throw new Error(`no order of seller ${sellerId}`);
    return found.snapshot;
  };

  it('needs a delivery option and an address for physical goods, and an order of its own is only for the house', async () => {
    await w.shopper('501');
    const items = [{ productId: bTeapot, quantity: 1 }];
    expect(await w.shop.payment.checkout({ shopperId: '501', idempotencyKey: 'own-order-1', items, paymentMethod: 'wechatpay' })).toMatchObject({
      ok: false,
      error: { code: 'CHECKOUT_REQUIRED' },
    });
    expect(await w.shop.payment.placeCheckout({ shopperId: '501', idempotencyKey: 'no-address-1', items, paymentMethod: 'wechatpay' })).toMatchObject({
      ok: false,
      error: { code: 'ADDRESS_REQUIRED' },
    });
    expect(
      await w.shop.payment.placeCheckout({ shopperId: '501', idempotencyKey: 'no-option-1', items, paymentMethod: 'wechatpay', address: ADDRESS }),
    ).toMatchObject({ ok: false, error: { code: 'DELIVERY_OPTION_REQUIRED', details: { sellerId: b.id } } });
    // Another seller's option is not B's.
    const aOption = value(await w.shop.ordering.addDeliveryOption(a.id, { name: 'Courier', fee: 100, estimatedDays: 1 })).id;
    expect(
      await w.shop.payment.placeCheckout({
        shopperId: '501',
        idempotencyKey: 'wrong-option-1',
        items,
        paymentMethod: 'wechatpay',
        address: ADDRESS,
        delivery: [{ sellerId: b.id, optionId: aOption }],
      }),
    ).toMatchObject({ ok: false, error: { code: 'DELIVERY_OPTION_REQUIRED' } });
    // Nothing was saved by a refused checkout.
    expect(await w.shop.account.getShippingAddress('501')).toBeNull();
  });

  it('places one order per seller under one checkout with ONE QR for the total; the house delivers at once, sellers hold', async () => {
    await w.shopper('502');
    const cmd = {
      shopperId: '502',
      idempotencyKey: 'three-shops-1',
      items: [
        { productId: houseCode, quantity: 1 },
        { productId: aCode, quantity: 2 },
        { productId: bTeapot, quantity: 2 },
      ],
      paymentMethod: 'wechatpay',
      address: ADDRESS,
      delivery: [{ sellerId: b.id, optionId: bPost }],
    };
    const placed = value(await w.shop.payment.placeCheckout(cmd));
    expect(placed.outcome).toBe('created');
    expect(placed.orders.map((o) => [o.snapshot.sellerId, o.snapshot.totalAmount])).toEqual([
      [1, 1000],
      [a.id, 6000],
      [b.id, 5000 + 800],
    ]);
    const { checkoutNo, totalAmount } = placed.checkout;
    expect(totalAmount).toBe(12800);
    expect(placed.payment).toMatchObject({ status: 'READY' });
    expect(w.provider.calls.filter((c) => c.startsWith('create'))).toEqual([`create ${checkoutNo} 12800`]);
    expect(placed.orders.every((o) => o.snapshot.status === 'AWAITING_PAYMENT')).toBe(true);
    expect(bySeller(placed.orders, b.id).delivery).toMatchObject({
      name: 'China Post',
      fee: 800,
      estimatedDays: 5,
      address: expect.stringContaining('Nanjing Road'),
    });
    expect(await w.shop.account.getShippingAddress('502')).toEqual(ADDRESS);
    expect(await stockOf(bTeapot)).toBe(3);

    // The same key replays the same checkout: nothing new is placed, no second trade.
    const again = value(await w.shop.payment.placeCheckout(cmd));
    expect(again).toMatchObject({ outcome: 'replayed', checkout: { checkoutNo } });
    expect(w.provider.calls.filter((c) => c.startsWith('create'))).toHaveLength(1);

    value(await w.shop.payment.applyProviderEvent(w.paid(w.provider.pay(checkoutNo, totalAmount, w.clock.now()))));
    await w.drain();
    const house = await order(bySeller(placed.orders, 1).orderNo);
    const forA = await order(bySeller(placed.orders, a.id).orderNo);
    const forB = await order(bySeller(placed.orders, b.id).orderNo);
    expect([house.status, forA.status, forB.status]).toEqual(['DELIVERED', 'AWAITING_SELLER', 'AWAITING_SELLER']);
    expect(forA.confirmBy).toEqual(new Date(forA.paidAt!.getTime() + HOUR));
    expect(forB.confirmBy).toEqual(new Date(forB.paidAt!.getTime() + 24 * HOUR));
    // Each seller is told at once; the house (auto-confirm) needs no answer.
    expect(w.notices.sellers.filter((n) => n.event === 'ORDER_TO_CONFIRM').map((n) => [n.sellerId, n.orderNo])).toEqual([
      [a.id, forA.orderNo],
      [b.id, forB.orderNo],
    ]);
    expect((await reconcile()).discrepancies).toEqual([]);

    // A confirms: its codes are delivered and A is credited its goods minus the platform's 10 %.
    expect(await w.shop.ordering.confirmSellerOrder(b.id, forA.orderNo)).toMatchObject({ ok: false, error: { code: 'ORDER_NOT_FOUND' } });
    value(await w.shop.ordering.confirmSellerOrder(a.id, forA.orderNo));
    await w.drain();
    expect((await order(forA.orderNo)).status).toBe('DELIVERED');
    const aBalance = await w.persistence.dataSource.query('SELECT balance_minor FROM seller_balances WHERE seller_id = ?', [a.id]);
    expect(Number(aBalance[0].balance_minor)).toBe(6000 - 600);
    expect(await w.shop.ordering.confirmSellerOrder(a.id, forA.orderNo)).toMatchObject({ ok: false, error: { code: 'ORDER_NOT_CONFIRMABLE' } });

    // B cancels: exactly B's share is refunded, once, at the provider; its teapots go back on the shelf.
    expect(await w.shop.payment.cancelSellerOrder(a.id, forB.orderNo)).toMatchObject({ ok: false, error: { code: 'ORDER_NOT_FOUND' } });
    value(await w.shop.payment.cancelSellerOrder(b.id, forB.orderNo, 'out of teapots'));
    expect(await w.shop.payment.cancelSellerOrder(b.id, forB.orderNo)).toMatchObject({ ok: false, error: { code: 'ORDER_NOT_CANCELLABLE' } });
    await w.drain();
    expect(w.provider.calls.filter((c) => c.startsWith('refund'))).toHaveLength(1);
    const refunds = value(await w.shop.payment.getCheckout(checkoutNo, '502')).refunds;
    expect(refunds).toMatchObject([{ outRefundNo: `${forB.orderNo}-C`, amount: 5800, outTradeNo: checkoutNo, status: 'PROCESSING' }]);
    // Ten copies of the provider's "refund succeeded": one effect.
    const success = { outRefundNo: `${forB.orderNo}-C`, refundId: 'R-B', status: 'SUCCESS' as const };
    await Promise.all(
      Array.from({ length: 10 }, (_, i) => w.shop.payment.applyProviderEvent({ type: 'REFUND.SUCCESS', eventId: `RF-${i % 3}`, refund: success })),
    );
    await w.drain();
    expect(await order(forB.orderNo)).toMatchObject({ status: 'REFUNDED', refundedAmount: 5800 });
    expect(await stockOf(bTeapot)).toBe(5);
    const heard = w.notices.shopper.filter((n) => n.userId === '502' && n.orderNo === forB.orderNo).map((n) => n.event);
    expect(heard).toEqual(['ORDER_PAID', 'SELLER_ORDER_CANCELLED', 'REFUND_STARTED', 'ORDER_REFUNDED']);
    const bBalance = await w.persistence.dataSource.query('SELECT balance_minor FROM seller_balances WHERE seller_id = ?', [b.id]);
    expect(Number(bBalance[0].balance_minor)).toBe(0);
    expect((await reconcile()).discrepancies).toEqual([]);
  });

  it('cancels and refunds what its seller did not confirm within the window, and a confirm after that loses', async () => {
    await w.shopper('503', 10_000);
    const placed = value(
      await w.shop.payment.placeCheckout({ shopperId: '503', idempotencyKey: 'window-1', items: [{ productId: aCode, quantity: 1 }], paymentMethod: 'credit' }),
    );
    const forA = bySeller(placed.orders, a.id);
    expect(forA.status).toBe('AWAITING_SELLER');
    expect(placed.checkout.status).toBe('PAID');
    expect((await w.shop.account.getAccount('503')).balance).toBe(7000);
    expect(await w.shop.payment.cancelUnconfirmedSellerOrders(10)).toEqual({ overdue: 0, cancelled: 0, skipped: 0 });
    w.clock.advance(HOUR + 1);
    expect(await w.shop.payment.cancelUnconfirmedSellerOrders(10)).toEqual({ overdue: 1, cancelled: 1, skipped: 0 });
    expect(await w.shop.ordering.confirmSellerOrder(a.id, forA.orderNo)).toMatchObject({ ok: false, error: { code: 'ORDER_NOT_CONFIRMABLE' } });
    await w.drain();
    // Paid with credit: the money is back on the balance in the cancelling transaction.
    expect(await order(forA.orderNo)).toMatchObject({ status: 'REFUNDED', refundedAmount: 3000 });
    expect((await w.shop.account.getAccount('503')).balance).toBe(10_000);
    expect(w.notices.sellers.some((n) => n.event === 'ORDER_AUTO_CANCELLED' && n.orderNo === forA.orderNo)).toBe(true);
    expect((await reconcile()).discrepancies).toEqual([]);
  });

  it('ships physical goods: the shopper confirms receipt, or the job completes it after the days plus grace; the seller is paid once', async () => {
    await w.shopper('504', 20_000);
    const buy = async (key: string) =>
      bySeller(
        value(
          await w.shop.payment.placeCheckout({
            shopperId: '504',
            idempotencyKey: key,
            items: [{ productId: bTeapot, quantity: 1 }],
            paymentMethod: 'credit',
            address: ADDRESS,
            delivery: [{ sellerId: b.id, optionId: bPost }],
          }),
        ).orders,
        b.id,
      );
    const first = await buy('shipping-1');
    expect(await w.shop.ordering.shipSellerOrder(b.id, first.orderNo, { carrier: 'SF', trackingNo: 'SF1' })).toMatchObject({
      ok: false,
      error: { code: 'ORDER_NOT_SHIPPABLE' },
    });
    value(await w.shop.ordering.confirmSellerOrder(b.id, first.orderNo));
    await w.drain();
    expect((await order(first.orderNo)).status).toBe('PAID');
    const shipped = value(await w.shop.ordering.shipSellerOrder(b.id, first.orderNo, { carrier: 'SF Express', trackingNo: 'SF123456' }));
    expect(shipped).toMatchObject({ status: 'SHIPPED', shipment: { carrier: 'SF Express', trackingNo: 'SF123456' } });
    expect(shipped.shipment?.receiveBy).toEqual(new Date(w.clock.now().getTime() + (5 + 7) * 24 * HOUR));
    expect(await w.shop.ordering.confirmReceipt('999', first.orderNo)).toMatchObject({ ok: false, error: { code: 'ORDER_NOT_FOUND' } });
    value(await w.shop.ordering.confirmReceipt('504', first.orderNo));
    expect(await w.shop.ordering.confirmReceipt('504', first.orderNo)).toMatchObject({ ok: false, error: { code: 'ORDER_NOT_RECEIVABLE' } });
    const balance = async () =>
      Number((await w.persistence.dataSource.query('SELECT balance_minor FROM seller_balances WHERE seller_id = ?', [b.id]))[0].balance_minor);
    expect(await balance()).toBe(3300 - 165);

    const second = await buy('shipping-2');
    value(await w.shop.ordering.confirmSellerOrder(b.id, second.orderNo));
    await w.drain();
    value(await w.shop.ordering.shipSellerOrder(b.id, second.orderNo, { carrier: 'SF', trackingNo: 'SF2' }));
    expect(await w.shop.ordering.completeShippedOrders(10)).toEqual({ due: 0, completed: 0, skipped: 0 });
    w.clock.advance(12 * 24 * HOUR + 1);
    expect(await w.shop.ordering.completeShippedOrders(10)).toEqual({ due: 1, completed: 1, skipped: 0 });
    expect((await order(second.orderNo)).status).toBe('DELIVERED');
    expect(await balance()).toBe(2 * (3300 - 165));
    await w.drain();

    // A refund after completion is taken back from the seller.
    value(await w.shop.payment.refundOrder({ orderNo: second.orderNo, amount: 1000, reason: 'chipped' }));
    await w.drain();
    expect(await balance()).toBe(2 * (3300 - 165) - 950);
    expect((await reconcile()).discrepancies).toEqual([]);
  });

  it('counts a checkout as ONE unpaid purchase against the cap, however many sellers it holds', async () => {
    await w.shopper('505');
    const items = [
      { productId: houseCode, quantity: 1 },
      { productId: aCode, quantity: 1 },
    ];
    for (let i = 1; i <= w.limits.maxUnpaidOrders; i += 1) {
      const placed = value(await w.shop.payment.placeCheckout({ shopperId: '505', idempotencyKey: `cap-checkout-${i}`, items, paymentMethod: 'wechatpay' }));
      expect(placed.orders).toHaveLength(2);
    }
    expect(await w.shop.payment.placeCheckout({ shopperId: '505', idempotencyKey: 'cap-checkout-x', items, paymentMethod: 'wechatpay' })).toMatchObject({
      ok: false,
      error: { code: 'TOO_MANY_UNPAID_ORDERS' },
    });
    expect(
      await w.shop.payment.checkout({
        shopperId: '505',
        idempotencyKey: 'cap-order-x1',
        items: [{ productId: houseCode, quantity: 1 }],
        paymentMethod: 'wechatpay',
      }),
    ).toMatchObject({ ok: false, error: { code: 'TOO_MANY_UNPAID_ORDERS' } });
    // Cancelling one of its orders cancels the checkout whole (one payment, one purchase), stock and codes back.
    const first = value(await w.shop.payment.placeCheckout({ shopperId: '505', idempotencyKey: 'cap-checkout-1', items, paymentMethod: 'wechatpay' }));
    const [one, two] = first.orders.map((o) => o.orderNo);
    value(await w.shop.payment.cancelOrder(one ?? '', 'cancelled by the shopper', '505'));
    expect((await order(two ?? '')).status).toBe('CLOSED');
    expect(value(await w.shop.payment.getCheckout(first.checkout.checkoutNo, '505')).checkout.status).toBe('CLOSED');
    value(await w.shop.payment.placeCheckout({ shopperId: '505', idempotencyKey: 'cap-checkout-4', items, paymentMethod: 'wechatpay' }));
    expect((await reconcile()).discrepancies).toEqual([]);
  });

  it('refunds a cancelled share once even when the provider is down at first: the refund waits in the outbox and is retried', async () => {
    await w.shopper('506');
    w.clock.advance(20 * 60_000);
    const placed = value(
      await w.shop.payment.placeCheckout({
        shopperId: '506',
        idempotencyKey: 'down-checkout-1',
        items: [{ productId: aCode, quantity: 1 }],
        paymentMethod: 'wechatpay',
      }),
    );
    value(await w.shop.payment.applyProviderEvent(w.paid(w.provider.pay(placed.checkout.checkoutNo, placed.checkout.totalAmount, w.clock.now()))));
    await w.drain();
    const forA = bySeller(placed.orders, a.id);
    const refundsBefore = w.provider.calls.length;
    w.provider.refundAnswer = { ok: false, error: { code: 'PROVIDER_UNAVAILABLE', message: 'timeout' } };
    value(await w.shop.payment.cancelSellerOrder(a.id, forA.orderNo));
    await w.drain();
    expect((await order(forA.orderNo)).status).toBe('REFUNDING');
    w.provider.refundAnswer = (no) => ({ ok: true, value: { outRefundNo: no, refundId: `R-${no}`, status: 'SUCCESS' } });
    w.clock.advance(10 * 60_000);
    await w.drain();
    await w.shop.payment.syncRefunds(10);
    await w.drain();
    expect(await order(forA.orderNo)).toMatchObject({ status: 'REFUNDED', refundedAmount: 3000 });
    // Asked again only under the same out_refund_no (the provider refunds one number once), and only that one.
    const asked = w.provider.calls.slice(refundsBefore).filter((c) => c.startsWith('refund '));
    expect(asked.length).toBeGreaterThanOrEqual(2);
    expect(new Set(asked.map((c) => c.split(' ')[1]))).toEqual(new Set([`${forA.orderNo}-C`]));
    expect(value(await w.shop.payment.getCheckout(placed.checkout.checkoutNo, '506')).refunds).toHaveLength(1);
    expect((await reconcile()).discrepancies).toEqual([]);
  });
});
