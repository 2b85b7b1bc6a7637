import { minor } from '../../../domain/shared/money';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ORDER_EVENT_TYPES, OrderEvent, OrderEventType, transition, ORDER_STATUSES, OrderState, OrderStatus } from '../../../domain/ordering';
import { DIAGRAM_BEGIN, DIAGRAM_END, DIAGRAM_FILES, orderStateDiagram } from '../../../scripts/order-state-diagram';

const AT = new Date('2026-03-01T10:00:00Z');

const order = (status: OrderStatus, overrides: Partial<OrderState> = {}): OrderState => ({
  orderNo: 'T20260301100000000000001',
  userId: '1',
  status,
  currency: 'CNY',
  totalAmount: minor(600),
  paymentMethod: 'wechatpay',
  lines: [],
  couponCode: null,
  discountAmount: minor(0),
  idempotencyKey: null,
  requestHash: null,
  itemsKey: '1x1',
  createdAt: AT,
  expiresAt: new Date(AT.getTime() + 900_000),
  paidAt: null,
  deliveredAt: null,
  closedAt: null,
  closeReason: null,
  deliveryAttempts: 0,
  nextDeliveryAt: null,
  lastDeliveryError: null,
  refundedAmount: minor(status === 'PARTIALLY_REFUNDED' ? 100 : 0),
  fulfilmentNote: null,
  sellerId: 1,
  checkoutNo: null,
  confirmWindowMinutes: null,
  confirmBy: null,
  delivery: { optionId: 1, name: 'Post', fee: minor(0), estimatedDays: 3, address: 'Li Lei, 123, 1 Road' },
  shipment: null,
  ...overrides,
});

/** Each event with data that passes its guard wherever the event is allowed at all. */
const EVENT: { [T in OrderEventType]: (state: OrderState) => Extract<OrderEvent, { type: T }> } = {
  AWAIT_PAYMENT: () => ({ type: 'AWAIT_PAYMENT' }),
  PAY: () => ({ type: 'PAY', at: AT, amount: minor(600), currency: 'CNY' }),
  PAY_LATE: () => ({ type: 'PAY_LATE', at: AT, amount: minor(600), currency: 'CNY' }),
  CLOSE: () => ({ type: 'CLOSE', at: AT, reason: 'expired' }),
  CLAIM_DELIVERY: () => ({ type: 'CLAIM_DELIVERY' }),
  AWAIT_FULFILMENT: () => ({ type: 'AWAIT_FULFILMENT' }),
  DELIVERY_FAILED: () => ({ type: 'DELIVERY_FAILED', at: AT, error: 'webhook 502' }),
  DELIVER: () => ({ type: 'DELIVER', at: AT, note: null }),
  START_REFUND: (s) => ({ type: 'START_REFUND', amount: minor(s.totalAmount - s.refundedAmount), allowClosed: true }),
  FINISH_REFUND: () => ({ type: 'FINISH_REFUND', amount: minor(600) }),
  ABANDON_REFUND: () => ({ type: 'ABANDON_REFUND', back: 'DELIVERED' }),
  SELLER_CONFIRM: () => ({ type: 'SELLER_CONFIRM', at: AT }),
  SELLER_CANCEL: () => ({ type: 'SELLER_CANCEL', at: AT, reason: 'out of stock' }),
  SHIP: () => ({ type: 'SHIP', at: AT, carrier: 'SF', trackingNo: 'SF1', receiveBy: new Date(AT.getTime() + 10 * 86_400_000) }),
  RECEIVE: () => ({ type: 'RECEIVE', at: AT }),
};

// The shop's promises, spelled out independently of the table: where each event leads from each state, or the code
// it is refused with. A cell that disagrees with the table is a rule that changed.
const NP = 'ORDER_NOT_PAYABLE';
const NC = 'ORDER_NOT_CLOSABLE';
const NF = 'ORDER_NOT_FULFILLABLE';
const NR = 'ORDER_NOT_REFUNDABLE';
const NK = 'ORDER_NOT_CONFIRMABLE';
const NX = 'ORDER_NOT_CANCELLABLE';
const NS = 'ORDER_NOT_SHIPPABLE';
const NV = 'ORDER_NOT_RECEIVABLE';
type Cell = OrderStatus | typeof NP | typeof NC | typeof NF | typeof NR | typeof NK | typeof NX | typeof NS | typeof NV | 'ORDER_CLOSED';
/** The seller's events refused alike wherever no seller step is due. */
const NO_SELLER_STEP = { SELLER_CONFIRM: NK, SELLER_CANCEL: NX, SHIP: NS, RECEIVE: NV } as const;
const EXPECTED: Record<OrderStatus, Record<OrderEventType, Cell>> = {
  // prettier-ignore
  CREATED: { AWAIT_PAYMENT: 'AWAITING_PAYMENT', PAY: 'PAID', PAY_LATE: NP, CLOSE: 'CLOSED', CLAIM_DELIVERY: NF, AWAIT_FULFILMENT: NF, DELIVERY_FAILED: NF, DELIVER: NF, START_REFUND: NR, FINISH_REFUND: NR, ABANDON_REFUND: NR, ...NO_SELLER_STEP },
  // prettier-ignore
  AWAITING_PAYMENT: { AWAIT_PAYMENT: NP, PAY: 'PAID', PAY_LATE: NP, CLOSE: 'CLOSED', CLAIM_DELIVERY: NF, AWAIT_FULFILMENT: NF, DELIVERY_FAILED: NF, DELIVER: NF, START_REFUND: NR, FINISH_REFUND: NR, ABANDON_REFUND: NR, ...NO_SELLER_STEP },
  // prettier-ignore
  AWAITING_SELLER: { AWAIT_PAYMENT: NP, PAY: NP, PAY_LATE: NP, CLOSE: NC, CLAIM_DELIVERY: NF, AWAIT_FULFILMENT: NF, DELIVERY_FAILED: NF, DELIVER: NF, START_REFUND: NR, FINISH_REFUND: NR, ABANDON_REFUND: NR, SELLER_CONFIRM: 'PAID', SELLER_CANCEL: 'REFUNDING', SHIP: NS, RECEIVE: NV },
  // prettier-ignore
  PAID: { AWAIT_PAYMENT: NP, PAY: NP, PAY_LATE: NP, CLOSE: NC, CLAIM_DELIVERY: 'PAID', AWAIT_FULFILMENT: 'PAID', DELIVERY_FAILED: 'PAID', DELIVER: 'DELIVERED', START_REFUND: 'REFUNDING', FINISH_REFUND: NR, ABANDON_REFUND: NR, SELLER_CONFIRM: NK, SELLER_CANCEL: 'REFUNDING', SHIP: 'SHIPPED', RECEIVE: NV },
  // prettier-ignore
  SHIPPED: { AWAIT_PAYMENT: NP, PAY: NP, PAY_LATE: NP, CLOSE: NC, CLAIM_DELIVERY: NF, AWAIT_FULFILMENT: NF, DELIVERY_FAILED: NF, DELIVER: NF, START_REFUND: 'REFUNDING', FINISH_REFUND: NR, ABANDON_REFUND: NR, SELLER_CONFIRM: NK, SELLER_CANCEL: NX, SHIP: NS, RECEIVE: 'DELIVERED' },
  // prettier-ignore
  DELIVERED: { AWAIT_PAYMENT: NP, PAY: NP, PAY_LATE: NP, CLOSE: NC, CLAIM_DELIVERY: NF, AWAIT_FULFILMENT: NF, DELIVERY_FAILED: NF, DELIVER: NF, START_REFUND: 'REFUNDING', FINISH_REFUND: NR, ABANDON_REFUND: NR, ...NO_SELLER_STEP },
  // prettier-ignore
  CLOSED: { AWAIT_PAYMENT: NP, PAY: 'ORDER_CLOSED', PAY_LATE: 'PAID', CLOSE: NC, CLAIM_DELIVERY: NF, AWAIT_FULFILMENT: NF, DELIVERY_FAILED: NF, DELIVER: NF, START_REFUND: 'REFUNDING', FINISH_REFUND: NR, ABANDON_REFUND: NR, ...NO_SELLER_STEP },
  // prettier-ignore
  REFUNDING: { AWAIT_PAYMENT: NP, PAY: NP, PAY_LATE: NP, CLOSE: NC, CLAIM_DELIVERY: NF, AWAIT_FULFILMENT: NF, DELIVERY_FAILED: NF, DELIVER: NF, START_REFUND: NR, FINISH_REFUND: 'REFUNDED', ABANDON_REFUND: 'DELIVERED', ...NO_SELLER_STEP },
  // prettier-ignore
  REFUNDED: { AWAIT_PAYMENT: NP, PAY: NP, PAY_LATE: NP, CLOSE: NC, CLAIM_DELIVERY: NF, AWAIT_FULFILMENT: NF, DELIVERY_FAILED: NF, DELIVER: NF, START_REFUND: NR, FINISH_REFUND: NR, ABANDON_REFUND: NR, ...NO_SELLER_STEP },
  // prettier-ignore
  PARTIALLY_REFUNDED: { AWAIT_PAYMENT: NP, PAY: NP, PAY_LATE: NP, CLOSE: NC, CLAIM_DELIVERY: NF, AWAIT_FULFILMENT: NF, DELIVERY_FAILED: NF, DELIVER: NF, START_REFUND: 'REFUNDING', FINISH_REFUND: NR, ABANDON_REFUND: NR, ...NO_SELLER_STEP },
};

const pairs = ORDER_STATUSES.flatMap((status) => ORDER_EVENT_TYPES.map((event) => [status, event] as const));

describe('the order state machine', () => {
  it('knows every event of the table', () => {
    expect([...ORDER_EVENT_TYPES].sort()).toEqual(Object.keys(EVENT).sort());
  });

  it.each(pairs)('%s + %s', (status, event) => {
    const state = order(status);
    const result = transition(state, EVENT[event](state));
    const expected = EXPECTED[status][event];
    if ((ORDER_STATUSES as readonly string[]).includes(expected)) {
      expect(result).toMatchObject({ ok: true, value: { orderNo: state.orderNo, from: status, to: expected } });
    } else {
      expect(result).toMatchObject({ ok: false, error: { code: expected } });
    }
  });

  it('takes money only for the exact amount and currency, late or not', () => {
    for (const type of ['PAY', 'PAY_LATE'] as const) {
      const state = order(type === 'PAY' ? 'AWAITING_PAYMENT' : 'CLOSED');
      expect(transition(state, { type, at: AT, amount: minor(599), currency: 'CNY' })).toMatchObject({ ok: false, error: { code: 'AMOUNT_MISMATCH' } });
      expect(transition(state, { type, at: AT, amount: minor(600), currency: 'USD' })).toMatchObject({ ok: false, error: { code: 'AMOUNT_MISMATCH' } });
    }
    expect(transition(order('CREATED'), { type: 'PAY', at: AT, amount: minor(600), currency: 'CNY' })).toMatchObject({
      ok: true,
      value: { changes: { paidAt: AT, nextDeliveryAt: AT, deliveryAttempts: 0, lastDeliveryError: null } },
    });
  });

  it('refunds a closed order only when it was paid late, an undelivered one only whole, never more than is left', () => {
    expect(transition(order('CLOSED'), { type: 'START_REFUND', amount: minor(600), allowClosed: false })).toMatchObject({ ok: false, error: { code: NR } });
    expect(transition(order('PAID'), { type: 'START_REFUND', amount: minor(300), allowClosed: false })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: 'amount: an order not yet delivered is refunded in full (600)' },
    });
    expect(transition(order('DELIVERED'), { type: 'START_REFUND', amount: minor(300), allowClosed: false })).toMatchObject({ ok: true });
    expect(transition(order('PARTIALLY_REFUNDED'), { type: 'START_REFUND', amount: minor(501), allowClosed: false })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: 'amount: at most 500 can still be refunded' },
    });
    expect(transition(order('DELIVERED'), { type: 'START_REFUND', amount: minor(0), allowClosed: false })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
  });

  it('finishes a refund as REFUNDED or PARTIALLY_REFUNDED by what went back, and abandons it only to where it began', () => {
    expect(transition(order('REFUNDING'), { type: 'FINISH_REFUND', amount: minor(200) })).toMatchObject({
      ok: true,
      value: { to: 'PARTIALLY_REFUNDED', changes: { refundedAmount: 200 } },
    });
    expect(transition(order('REFUNDING', { refundedAmount: minor(400) }), { type: 'FINISH_REFUND', amount: minor(200) })).toMatchObject({
      ok: true,
      value: { to: 'REFUNDED', changes: { refundedAmount: 600 } },
    });
    for (const back of ['PAID', 'DELIVERED', 'PARTIALLY_REFUNDED', 'CLOSED'] as const)
      expect(transition(order('REFUNDING'), { type: 'ABANDON_REFUND', back })).toMatchObject({ ok: true, value: { to: back } });
    for (const back of ['CREATED', 'AWAITING_PAYMENT', 'REFUNDING', 'REFUNDED'] as const)
      expect(transition(order('REFUNDING'), { type: 'ABANDON_REFUND', back })).toMatchObject({ ok: false, error: { code: NR } });
  });

  it("holds a seller's paid order for its seller, with the deadline of its window, and ships only what has a delivery", () => {
    expect(transition(order('AWAITING_PAYMENT', { confirmWindowMinutes: 60 }), { type: 'PAY', at: AT, amount: minor(600), currency: 'CNY' })).toMatchObject({
      ok: true,
      value: { to: 'AWAITING_SELLER', changes: { paidAt: AT, nextDeliveryAt: null, confirmBy: new Date(AT.getTime() + 3_600_000) } },
    });
    expect(transition(order('AWAITING_SELLER'), { type: 'SELLER_CONFIRM', at: AT })).toMatchObject({
      ok: true,
      value: { to: 'PAID', changes: { confirmBy: null, nextDeliveryAt: AT } },
    });
    expect(transition(order('PAID', { delivery: null }), EVENT.SHIP(order('PAID')))).toMatchObject({ ok: false, error: { code: NS } });
    for (const back of ['AWAITING_SELLER', 'SHIPPED'] as const)
      expect(transition(order('REFUNDING'), { type: 'ABANDON_REFUND', back })).toMatchObject({ ok: true, value: { to: back } });
  });

  it('counts a failed delivery and backs the next one off, keeping the order PAID', () => {
    const result = transition(order('PAID', { deliveryAttempts: 2 }), { type: 'DELIVERY_FAILED', at: AT, error: 'x'.repeat(600) });
    expect(result).toMatchObject({
      ok: true,
      value: { from: 'PAID', to: 'PAID', changes: { deliveryAttempts: 3, nextDeliveryAt: new Date(AT.getTime() + 120_000) } },
    });
    if (result.ok) expect(result.value.changes.lastDeliveryError).toHaveLength(500);
  });

  it.each(DIAGRAM_FILES)('is drawn up to date in %s (npm run docs:states redraws it)', (file) => {
    const text = readFileSync(join(__dirname, '../../..', file), 'utf8');
    const begin = text.indexOf(DIAGRAM_BEGIN);
    const end = text.indexOf(DIAGRAM_END);
    expect(begin).toBeGreaterThanOrEqual(0);
    expect(text.slice(begin + DIAGRAM_BEGIN.length, end).trim()).toBe(orderStateDiagram());
  });
});
