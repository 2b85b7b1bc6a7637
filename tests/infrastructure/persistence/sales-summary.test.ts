// OrderRepository.salesSummary on a store of its own, so every order in it is one this file placed.
import { minor } from '../../../domain/shared/money';
import { OrderLine, OrderState } from '../../../domain/ordering';
import { ShopTx as Tx } from '../../../infrastructure/persistence';
import { databaseBackends } from '../../support/services';
import { MINUTE, at, orderLine, orderState } from './support/factories';
import { openTestStore, TestStore } from './support/test-store';

const HOUR = 60 * MINUTE;
const FROM = at(HOUR);
const TO = at(2 * HOUR);

const line = (lineNo: number, productId: number, quantity: number, lineTotal: number, title: string): OrderLine =>
  orderLine({ lineNo, productId, sku: `SKU-${productId}`, title, quantity, lineTotal: minor(lineTotal), unitPrice: minor(Math.floor(lineTotal / quantity)) });

const paidOrder = (createdAt: Date, paidAt: Date, lines: OrderLine[], overrides: Partial<OrderState> = {}): OrderState =>
  orderState({
    status: 'PAID',
    createdAt,
    expiresAt: new Date(createdAt.getTime() + 15 * MINUTE),
    paidAt,
    totalAmount: minor(lines.reduce((sum, l) => sum + l.lineTotal, 0)),
    lines,
    ...overrides,
  });

const unpaidOrder = (createdAt: Date, overrides: Partial<OrderState> = {}): OrderState =>
  orderState({ status: 'AWAITING_PAYMENT', createdAt, expiresAt: new Date(createdAt.getTime() + 15 * MINUTE), ...overrides });

describe.each(databaseBackends())('OrderRepository.salesSummary (%s)', (backend) => {
  let store: TestStore;
  const inTx = <T>(work: (tx: Tx) => Promise<T>): Promise<T> => store.persistence.uow.run(work);
  const summary = (from: Date, to: Date, top: number) => inTx((tx) => tx.orders.salesSummary(from, to, top));

  beforeAll(async () => {
    store = await openTestStore(backend);
    const orders: OrderState[] = [
      // Placed before the window, paid exactly at its start: paid, not placed. Product 101's older title.
      paidOrder(at(HOUR - 10 * MINUTE), FROM, [line(1, 101, 2, 1000, 'Old name')]),
      // Placed exactly at the start, paid inside, delivered since: placed and paid. Product 101 renamed.
      paidOrder(FROM, at(HOUR + 5 * MINUTE), [line(1, 101, 1, 1500, 'New name 🚀'), line(2, 102, 3, 1500, 'Codes')], {
        status: 'DELIVERED',
        deliveredAt: at(HOUR + 6 * MINUTE),
      }),
      // Placed inside, paid exactly at the end: placed, not paid (the end is exclusive).
      paidOrder(at(HOUR + 10 * MINUTE), TO, [line(1, 103, 10, 5000, 'Paid too late')]),
      // Placed exactly at the end: not placed.
      unpaidOrder(TO),
      // Placed inside, never paid: placed.
      unpaidOrder(at(HOUR + 20 * MINUTE)),
      // Placed inside, paid inside, refunded in full since: still paid in the period, and its refund counts.
      paidOrder(at(HOUR + 30 * MINUTE), at(HOUR + 31 * MINUTE), [line(1, 104, 3, 2000, 'Refunded pack'), line(2, 108, 3, 1500, 'Twin')], {
        status: 'REFUNDED',
        refundedAmount: minor(3500),
      }),
      // Placed before, paid inside, partly refunded: paid, refund counts.
      paidOrder(at(0), at(HOUR + 40 * MINUTE), [line(1, 105, 3, 1200, 'Webhook'), line(2, 107, 5, 500, 'Cheap sticker')], {
        status: 'PARTIALLY_REFUNDED',
        refundedAmount: minor(500),
      }),
      // Paid one millisecond before the window: nothing of it counts.
      paidOrder(at(0), new Date(FROM.getTime() - 1), [line(1, 106, 50, 9999, 'Before')], { status: 'PARTIALLY_REFUNDED', refundedAmount: minor(999) }),
      // Placed inside and closed unpaid: placed.
      unpaidOrder(at(HOUR + 50 * MINUTE), { status: 'CLOSED', closedAt: at(HOUR + 65 * MINUTE), closeReason: 'expired' }),
      // After the window, product 101 renamed again: that title must not leak into the period's answer.
      paidOrder(at(2 * HOUR + MINUTE), at(2 * HOUR + 2 * MINUTE), [line(1, 101, 40, 4000, 'Outside')]),
    ];
    for (const order of orders) expect(await inTx((tx) => tx.orders.insert(order))).toBe('INSERTED');
  });
  afterAll(async () => {
    await store.close();
  });

  it('counts placed orders by created_at and paid orders by paid_at, start inclusive and end exclusive', async () => {
    const result = await summary(FROM, TO, 10);
    expect({ placed: result.placed, paid: result.paid, revenue: result.revenue, refunded: result.refunded }).toEqual({
      placed: 5,
      paid: 4,
      revenue: 1000 + 3000 + 3500 + 1700,
      refunded: 3500 + 500,
    });
  });

  it('ranks best sellers by quantity, then revenue, then product id, titled by their most recent sale in the period', async () => {
    expect((await summary(FROM, TO, 10)).topProducts).toEqual([
      { productId: 107, title: 'Cheap sticker', quantity: 5, revenue: 500, starsRevenue: 0 },
      { productId: 101, title: 'New name 🚀', quantity: 3, revenue: 2500, starsRevenue: 0 },
      { productId: 104, title: 'Refunded pack', quantity: 3, revenue: 2000, starsRevenue: 0 },
      { productId: 102, title: 'Codes', quantity: 3, revenue: 1500, starsRevenue: 0 },
      { productId: 108, title: 'Twin', quantity: 3, revenue: 1500, starsRevenue: 0 },
      { productId: 105, title: 'Webhook', quantity: 3, revenue: 1200, starsRevenue: 0 },
    ]);
  });

  it('limits the best sellers to `top`, keeping the counters whole', async () => {
    const result = await summary(FROM, TO, 3);
    expect(result.topProducts.map((p) => p.productId)).toEqual([107, 101, 104]);
    expect(result.paid).toBe(4);
    expect((await summary(FROM, TO, 0)).topProducts).toEqual([]);
    await expect(summary(FROM, TO, -1)).rejects.toThrow(RangeError);
  });

  it('moves with the window: a wider one takes in the edges, an empty one answers zeros', async () => {
    const wide = await summary(at(0), at(3 * HOUR), 1);
    expect(wide).toMatchObject({ placed: 10, paid: 7, refunded: 4000 + 999 });
    expect(wide.topProducts).toEqual([{ productId: 106, title: 'Before', quantity: 50, revenue: 9999, starsRevenue: 0 }]);
    const outside = await summary(at(2 * HOUR), at(3 * HOUR), 5);
    expect(outside.topProducts).toEqual([
      { productId: 101, title: 'Outside', quantity: 40, revenue: 4000, starsRevenue: 0 },
      { productId: 103, title: 'Paid too late', quantity: 10, revenue: 5000, starsRevenue: 0 },
    ]);
    expect(await summary(at(10 * HOUR), at(11 * HOUR), 5)).toEqual({
      placed: 0,
      paid: 0,
      revenue: 0,
      refunded: 0,
      stars: { paid: 0, revenue: 0, refunded: 0 },
      topProducts: [],
    });
    expect(await summary(FROM, FROM, 5)).toEqual({ placed: 0, paid: 0, revenue: 0, refunded: 0, stars: { paid: 0, revenue: 0, refunded: 0 }, topProducts: [] });
  });

  it('sums Telegram Stars orders (XTR) apart from the shop currency, never into it', async () => {
    const from = at(5 * HOUR);
    const to = at(6 * HOUR);
    const stars = paidOrder(from, at(5 * HOUR + MINUTE), [line(1, 201, 2, 100, 'Star key')], {
      currency: 'XTR',
      status: 'REFUNDED',
      refundedAmount: minor(100),
    });
    const yuan = paidOrder(from, at(5 * HOUR + 2 * MINUTE), [line(1, 201, 1, 990, 'Star key')]);
    for (const order of [stars, yuan]) expect(await inTx((tx) => tx.orders.insert(order))).toBe('INSERTED');
    expect(await summary(from, to, 5)).toEqual({
      placed: 2,
      paid: 2,
      revenue: 990,
      refunded: 0,
      stars: { paid: 1, revenue: 100, refunded: 100 },
      topProducts: [{ productId: 201, title: 'Star key', quantity: 3, revenue: 990, starsRevenue: 100 }],
    });
  });
});
