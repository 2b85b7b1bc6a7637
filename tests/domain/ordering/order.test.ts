import { minor } from '../../../domain/shared/money';
import { Order, itemsKeyOf, isPayable, nextDeliveryAttemptAt, transition, OrderLine, newOrderNo, ORDER_NO_PATTERN } from '../../../domain/ordering';
import { randomIds } from '../../../infrastructure/ids/random-ids';

const line = (overrides: Partial<OrderLine> = {}): OrderLine => ({
  lineNo: 1,
  productId: 1,
  sku: 'A',
  title: 'A',
  kind: 'manual',
  unitPrice: minor(250),
  quantity: 2,
  lineTotal: minor(500),
  discount: minor(0),
  creditAmount: null,
  webhookUrl: null,
  ...overrides,
});

const placed = (now = new Date('2026-01-01T00:00:00Z')) =>
  Order.place({
    orderNo: 'T20260101000000000001',
    userId: '1',
    lines: [line(), line({ lineNo: 2, productId: 2, lineTotal: minor(100), quantity: 1, unitPrice: minor(100) })],
    currency: 'CNY',
    paymentMethod: 'wechatpay',
    idempotencyKey: null,
    requestHash: null,
    now,
    payWindowMs: 60_000,
  });

describe('Order', () => {
  it('totals its lines and opens a pay window', () => {
    const order = placed();
    expect(order.snapshot.totalAmount).toBe(600);
    expect(order.snapshot.expiresAt.toISOString()).toBe('2026-01-01T00:01:00.000Z');
    expect(isPayable(order.snapshot, new Date('2026-01-01T00:00:59Z'))).toBe(true);
    expect(isPayable(order.snapshot, new Date('2026-01-01T00:01:00Z'))).toBe(false);
  });

  it('is paid only for the exact amount and currency', () => {
    const order = placed();
    expect(transition(order.snapshot, { type: 'PAY', at: new Date(), amount: minor(599), currency: 'CNY' })).toMatchObject({
      ok: false,
      error: { code: 'AMOUNT_MISMATCH' },
    });
    expect(transition(order.snapshot, { type: 'PAY', at: new Date(), amount: minor(600), currency: 'USD' })).toMatchObject({
      ok: false,
      error: { code: 'AMOUNT_MISMATCH' },
    });
    expect(transition(order.snapshot, { type: 'PAY', at: new Date(), amount: minor(600), currency: 'CNY' })).toMatchObject({
      ok: true,
      value: { from: 'CREATED', to: 'PAID' },
    });
  });

  it('states each transition as a conditional update from its current status', () => {
    const paid = Order.restore({ ...placed().snapshot, status: 'PAID' });
    expect(transition(paid.snapshot, { type: 'PAY', at: new Date(), amount: minor(600), currency: 'CNY' })).toMatchObject({
      ok: false,
      error: { code: 'ORDER_NOT_PAYABLE' },
    });
    expect(transition(paid.snapshot, { type: 'CLOSE', at: new Date(), reason: 'x' })).toMatchObject({ ok: false, error: { code: 'ORDER_NOT_CLOSABLE' } });
    expect(transition(paid.snapshot, { type: 'DELIVER', at: new Date(), note: null })).toMatchObject({ ok: true, value: { from: 'PAID', to: 'DELIVERED' } });
    const closed = Order.restore({ ...placed().snapshot, status: 'CLOSED' });
    expect(transition(closed.snapshot, { type: 'PAY', at: new Date(), amount: minor(600), currency: 'CNY' })).toMatchObject({
      ok: false,
      error: { code: 'ORDER_CLOSED' },
    });
    expect(transition(placed().snapshot, { type: 'AWAIT_PAYMENT' })).toMatchObject({ ok: true, value: { from: 'CREATED', to: 'AWAITING_PAYMENT' } });
  });

  it('keys the same items the same way in any order', () => {
    expect(
      itemsKeyOf([
        { productId: 2, quantity: 1 },
        { productId: 1, quantity: 3 },
      ]),
    ).toBe(
      itemsKeyOf([
        { productId: 1, quantity: 3 },
        { productId: 2, quantity: 1 },
      ]),
    );
    expect(itemsKeyOf([{ productId: 1, quantity: 3 }])).not.toBe(itemsKeyOf([{ productId: 1, quantity: 2 }]));
  });

  it('backs delivery retries off exponentially, capped at an hour', () => {
    const now = new Date(0);
    expect(nextDeliveryAttemptAt(now, 1).getTime()).toBe(30_000);
    expect(nextDeliveryAttemptAt(now, 3).getTime()).toBe(120_000);
    expect(nextDeliveryAttemptAt(now, 30).getTime()).toBe(3_600_000);
  });

  it('numbers orders as valid WeChat Pay out_trade_no values', () => {
    const no = newOrderNo(new Date('2026-11-21T10:34:56Z'), randomIds);
    expect(no).toMatch(ORDER_NO_PATTERN);
    expect(no.startsWith('T20261121103456')).toBe(true);
    expect(no).toMatch(/^[0-9A-Za-z_\-*]{6,32}$/);
  });
});
