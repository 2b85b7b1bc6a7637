import { minor } from '../../../domain/shared/money';
import { OrderState } from '../../../domain/ordering';
import { databaseBackends } from '../../support/services';
import { MINUTE, T0, at, orderLine, orderState } from './support/factories';
import { storeForSuite } from './support/test-store';

describe.each(databaseBackends())('OrderRepository (%s)', (backend) => {
  const suite = storeForSuite(backend);
  const { inTx } = suite;
  const insert = async (overrides: Partial<OrderState> = {}): Promise<OrderState> => {
    const order = orderState(overrides);
    expect(await inTx((tx) => tx.orders.insert(order))).toBe('INSERTED');
    return order;
  };
  const find = (orderNo: string) => inTx((tx) => tx.orders.findByNo(orderNo));

  it('stores an order with its line snapshots and reads back exactly what was written', async () => {
    const order = await insert({
      userId: 'u-roundtrip',
      totalAmount: minor(3 * 990 + 2500),
      lines: [
        orderLine({
          lineNo: 2,
          productId: 7,
          sku: 'WH',
          title: 'Вебхук 🚀',
          kind: 'webhook',
          unitPrice: minor(2500),
          lineTotal: minor(2500),
          creditAmount: null,
          webhookUrl: 'https://merchant/hook',
        }),
        orderLine({ lineNo: 1, quantity: 3, lineTotal: minor(2970), title: '额度包' }),
      ],
      idempotencyKey: 'idem-1',
      requestHash: 'hash-1',
      itemsKey: '1x3,7x1',
      paidAt: at(1),
      nextDeliveryAt: at(2),
      closeReason: 'n/a',
      fulfilmentNote: '备注',
    });
    const stored = await find(order.orderNo);
    expect(stored).toEqual({ ...order, lines: [...order.lines].sort((a, b) => a.lineNo - b.lineNo) });
    expect(await inTx((tx) => tx.orders.findByIdempotencyKey('u-roundtrip', 'idem-1'))).toEqual(stored);
    expect(await inTx((tx) => tx.orders.findByIdempotencyKey('u-roundtrip', 'idem-2'))).toBeNull();
    expect(await find('NO-SUCH-ORDER')).toBeNull();
  });

  it('lets the unique key refuse a second order with the same (user, idempotency key)', async () => {
    await insert({ userId: 'u-idem', idempotencyKey: 'same' });
    expect(await inTx((tx) => tx.orders.insert(orderState({ userId: 'u-idem', idempotencyKey: 'same' })))).toBe('DUPLICATE_IDEMPOTENCY_KEY');
    // Another shopper, another case, or no key at all: all distinct.
    await insert({ userId: 'u-idem-other', idempotencyKey: 'same' });
    await insert({ userId: 'u-idem', idempotencyKey: 'SAME' });
    await insert({ userId: 'u-idem', idempotencyKey: null });
    await insert({ userId: 'u-idem', idempotencyKey: null });
    expect((await inTx((tx) => tx.orders.list({ userId: 'u-idem', limit: 50, offset: 0 }))).total).toBe(4);
  });

  it('answers DUPLICATE_ORDER_NO for a number that is taken (the caller draws another) and leaves the first order alone', async () => {
    const order = await insert({ userId: 'u-dupno' });
    expect(await inTx((tx) => tx.orders.insert({ ...order, idempotencyKey: 'fresh' }))).toBe('DUPLICATE_ORDER_NO');
    expect(await inTx((tx) => tx.orders.findByIdempotencyKey('u-dupno', 'fresh'))).toBeNull();
    expect((await inTx((tx) => tx.orders.findByNo(order.orderNo)))?.idempotencyKey).toBe(order.idempotencyKey);
  });

  it('applies a transition once: the second identical transition changes nothing', async () => {
    const order = await insert({ userId: 'u-transition' });
    const paid = {
      orderNo: order.orderNo,
      from: 'AWAITING_PAYMENT' as const,
      to: 'PAID' as const,
      changes: { paidAt: at(5 * MINUTE), nextDeliveryAt: at(5 * MINUTE) },
    };
    expect(await inTx((tx) => tx.orders.applyTransition(paid))).toBe(true);
    expect(await inTx((tx) => tx.orders.applyTransition(paid))).toBe(false);
    expect(await find(order.orderNo)).toMatchObject({ status: 'PAID', paidAt: at(5 * MINUTE), nextDeliveryAt: at(5 * MINUTE), closedAt: null });
    expect(
      await inTx((tx) => tx.orders.applyTransition({ orderNo: order.orderNo, from: 'AWAITING_PAYMENT', to: 'CLOSED', changes: { closedAt: at(1) } })),
    ).toBe(false);
    expect((await find(order.orderNo))?.status).toBe('PAID');
    expect(await inTx((tx) => tx.orders.applyTransition({ ...paid, orderNo: 'NO-SUCH' }))).toBe(false);
  });

  it('sets and clears bookkeeping columns only while the order is in the given status', async () => {
    const order = await insert({ userId: 'u-bookkeeping', status: 'PAID', paidAt: T0, nextDeliveryAt: T0 });
    const failed = { deliveryAttempts: 1, nextDeliveryAt: at(MINUTE), lastDeliveryError: 'webhook 502' };
    expect(await inTx((tx) => tx.orders.applyTransition({ orderNo: order.orderNo, from: 'PAID', to: 'PAID', changes: failed }))).toBe(true);
    expect(await find(order.orderNo)).toMatchObject({ status: 'PAID', ...failed });
    expect(
      await inTx((tx) =>
        tx.orders.applyTransition({ orderNo: order.orderNo, from: 'PAID', to: 'PAID', changes: { nextDeliveryAt: null, lastDeliveryError: null } }),
      ),
    ).toBe(true);
    expect(await find(order.orderNo)).toMatchObject({ nextDeliveryAt: null, lastDeliveryError: null, deliveryAttempts: 1 });
    expect(
      await inTx((tx) => tx.orders.applyTransition({ orderNo: order.orderNo, from: 'DELIVERED', to: 'DELIVERED', changes: { fulfilmentNote: 'x' } })),
    ).toBe(false);
    expect(await inTx((tx) => tx.orders.applyTransition({ orderNo: order.orderNo, from: 'PAID', to: 'PAID', changes: {} }))).toBe(true);
    expect((await find(order.orderNo))?.fulfilmentNote).toBeNull();
  });

  it("sums a shopper's reservations: live unpaid orders per product, and what closed unpaid since the cool-down began", async () => {
    const user = 'u-unpaid';
    const lines = (productId: number, quantity: number, more: Array<[number, number]> = []) => [
      orderLine({ productId, quantity }),
      ...more.map(([p, q], i) => orderLine({ lineNo: i + 2, productId: p, quantity: q })),
    ];
    await insert({ userId: user, status: 'CREATED', expiresAt: at(10 * MINUTE), lines: lines(7, 2, [[8, 1]]) });
    await insert({ userId: user, status: 'AWAITING_PAYMENT', expiresAt: at(20 * MINUTE), lines: lines(7, 3) });
    await insert({ userId: user, status: 'AWAITING_PAYMENT', expiresAt: at(-MINUTE), lines: lines(7, 50) });
    await insert({ userId: user, status: 'PAID', expiresAt: at(20 * MINUTE), lines: lines(7, 40) });
    await insert({ userId: user, status: 'CLOSED', expiresAt: at(20 * MINUTE), closedAt: at(-2 * MINUTE), lines: lines(8, 4) });
    await insert({ userId: user, status: 'CLOSED', expiresAt: at(20 * MINUTE), closedAt: at(-MINUTE), lines: lines(9, 5) });
    await insert({ userId: user, status: 'CLOSED', expiresAt: at(20 * MINUTE), closedAt: at(-20 * MINUTE), lines: lines(9, 60) });
    await insert({ userId: 'someone-else', status: 'CREATED', expiresAt: at(10 * MINUTE), lines: lines(7, 9) });
    const mine = await inTx((tx) => tx.orders.reservationsOf(user, T0, at(-5 * MINUTE)));
    expect({ ...mine, products: [...mine.products].sort((a, b) => a.productId - b.productId) }).toEqual({
      unpaidOrders: 2,
      products: [
        { productId: 7, held: 5, released: 0 },
        { productId: 8, held: 1, released: 4 },
        { productId: 9, held: 0, released: 5 },
      ],
      lastReleasedAt: at(-MINUTE),
    });
    const later = await inTx((tx) => tx.orders.reservationsOf(user, at(15 * MINUTE), at(10 * MINUTE)));
    expect(later).toEqual({ unpaidOrders: 1, products: [{ productId: 7, held: 3, released: 0 }], lastReleasedAt: null });
    expect(await inTx((tx) => tx.orders.reservationsOf('nobody', T0, at(-5 * MINUTE)))).toEqual({ unpaidOrders: 0, products: [], lastReleasedAt: null });
  });

  it('finds the newest reusable order for the same items and method with enough life left', async () => {
    const user = 'u-reuse';
    await insert({ userId: user, itemsKey: '5x1', createdAt: at(0), expiresAt: at(15 * MINUTE) });
    const newer = await insert({ userId: user, itemsKey: '5x1', createdAt: at(MINUTE), expiresAt: at(16 * MINUTE) });
    await insert({ userId: user, itemsKey: '5x1', status: 'PAID', createdAt: at(2 * MINUTE), expiresAt: at(17 * MINUTE) });
    await insert({ userId: user, itemsKey: '5x1', paymentMethod: 'credit', createdAt: at(3 * MINUTE), expiresAt: at(18 * MINUTE) });
    const reuse = (payableUntil: Date, itemsKey = '5x1') => inTx((tx) => tx.orders.findReusable(user, itemsKey, 'wechatpay', payableUntil));
    expect((await reuse(at(2 * MINUTE)))?.orderNo).toBe(newer.orderNo);
    expect((await reuse(at(16 * MINUTE)))?.orderNo).toBe(newer.orderNo);
    expect(await reuse(at(16 * MINUTE + 1))).toBeNull();
    expect(await reuse(at(0), '5x2')).toBeNull();
  });

  it('lists by status and user, newest first, with a total and paging', async () => {
    const user = 'u-list';
    const orders: OrderState[] = [];
    for (let i = 0; i < 5; i += 1) orders.push(await insert({ userId: user, status: i % 2 === 0 ? 'PAID' : 'CLOSED', createdAt: at(i * 1000) }));
    const paid = await inTx((tx) => tx.orders.list({ userId: user, status: 'PAID', limit: 2, offset: 0 }));
    expect(paid.total).toBe(3);
    expect(paid.items.map((o) => o.orderNo)).toEqual([orders[4]?.orderNo, orders[2]?.orderNo]);
    expect(paid.items[0]?.lines).toHaveLength(1);
    const rest = await inTx((tx) => tx.orders.list({ userId: user, status: 'PAID', limit: 2, offset: 2 }));
    expect(rest.items.map((o) => o.orderNo)).toEqual([orders[0]?.orderNo]);
    const everyStatus = await inTx((tx) => tx.orders.list({ limit: 1000, offset: 0 }));
    expect(everyStatus.items.filter((o) => o.userId === user)).toHaveLength(5);
  });

  it('lists the stuck: paid and not delivered before one instant, unpaid and expired before another; oldest first, paged', async () => {
    const user = 'u-stuck';
    const long = -1_000_000 * MINUTE; // before anything the other cases write
    const paid = await insert({ userId: user, status: 'PAID', createdAt: at(long), paidAt: at(long + 1) });
    const unpaid = await insert({ userId: user, status: 'AWAITING_PAYMENT', createdAt: at(long + 2), expiresAt: at(long + 3) });
    await insert({ userId: user, status: 'DELIVERED', createdAt: at(long + 4), paidAt: at(long + 4) });
    await insert({ userId: user, status: 'PAID', createdAt: at(long + 5), paidAt: at(long + 50) });
    await insert({ userId: user, status: 'CREATED', createdAt: at(long + 6), expiresAt: at(long + 50) });
    const query = { paidBefore: at(long + 10), expiredBefore: at(long + 10) };
    const first = await inTx((tx) => tx.orders.listStuck({ ...query, limit: 1, offset: 0 }));
    expect([first.total, first.items.map((o) => o.orderNo)]).toEqual([2, [paid.orderNo]]);
    const second = await inTx((tx) => tx.orders.listStuck({ ...query, limit: 1, offset: 1 }));
    expect(second.items.map((o) => o.orderNo)).toEqual([unpaid.orderNo]);
    expect(second.items[0]?.lines).toHaveLength(1);
  });

  it('finds expired unpaid orders, oldest deadline first, bounded', async () => {
    const user = 'u-expired';
    const late = await insert({ userId: user, status: 'CREATED', expiresAt: at(-10 * MINUTE) });
    const later = await insert({ userId: user, status: 'AWAITING_PAYMENT', expiresAt: at(-5 * MINUTE) });
    await insert({ userId: user, status: 'AWAITING_PAYMENT', expiresAt: at(5 * MINUTE) });
    await insert({ userId: user, status: 'CLOSED', expiresAt: at(-20 * MINUTE) });
    const expired = (await inTx((tx) => tx.orders.findExpiredUnpaid(T0, 100))).filter((o) => o.userId === user);
    expect(expired.map((o) => o.orderNo)).toEqual([late.orderNo, later.orderNo]);
    expect(await inTx((tx) => tx.orders.findExpiredUnpaid(T0, 1))).toHaveLength(1);
  });

  it('finds CREATED orders still waiting for their QR: created before the cut-off, still payable, oldest first', async () => {
    const user = 'u-prepay';
    const oldest = await insert({ userId: user, status: 'CREATED', createdAt: at(-5 * MINUTE), expiresAt: at(10 * MINUTE) });
    const older = await insert({ userId: user, status: 'CREATED', createdAt: at(-3 * MINUTE), expiresAt: at(12 * MINUTE) });
    await insert({ userId: user, status: 'CREATED', createdAt: at(-MINUTE), expiresAt: at(14 * MINUTE) }); // at the cut-off: too young
    await insert({ userId: user, status: 'CREATED', createdAt: at(-20 * MINUTE), expiresAt: T0 }); // pay window over at `now`
    await insert({ userId: user, status: 'AWAITING_PAYMENT', createdAt: at(-10 * MINUTE), expiresAt: at(5 * MINUTE) });
    await insert({ userId: user, status: 'CLOSED', createdAt: at(-10 * MINUTE), expiresAt: at(5 * MINUTE) });
    const awaiting = (limit: number) => inTx((tx) => tx.orders.findAwaitingPrepay(at(-MINUTE), T0, limit));
    const found = (await awaiting(100)).filter((o) => o.userId === user);
    expect(found.map((o) => o.orderNo)).toEqual([oldest.orderNo, older.orderNo]);
    expect(found[0]?.lines).toHaveLength(1);
    expect(await awaiting(1)).toHaveLength(1);
  });

  it('finds PAID orders whose next delivery attempt is due, soonest first', async () => {
    const user = 'u-delivery';
    const first = await insert({ userId: user, status: 'PAID', nextDeliveryAt: at(-2 * MINUTE) });
    const second = await insert({ userId: user, status: 'PAID', nextDeliveryAt: at(-MINUTE) });
    await insert({ userId: user, status: 'PAID', nextDeliveryAt: at(MINUTE) });
    await insert({ userId: user, status: 'PAID', nextDeliveryAt: null });
    await insert({ userId: user, status: 'DELIVERED', nextDeliveryAt: at(-MINUTE) });
    const due = (await inTx((tx) => tx.orders.findDeliveryDue(T0, 100))).filter((o) => o.userId === user);
    expect(due.map((o) => o.orderNo)).toEqual([first.orderNo, second.orderNo]);
  });
});
