import { Minor, addMinor, subtractMinor } from '../shared/money';
import { DomainError, Result, ok } from '../shared/result';
import { OrderChanges, OrderState, OrderStatus, OrderTransition, orderKind } from './order-types';

/** Orders that can still be paid (inside their pay window) or closed. The repository's SQL filters on the same list. */
export const UNPAID_STATUSES = ['CREATED', 'AWAITING_PAYMENT'] as const satisfies readonly OrderStatus[];
/** Orders whose money has arrived, whatever happened after. */
export const SETTLED_STATUSES = [
  'AWAITING_SELLER',
  'PAID',
  'SHIPPED',
  'DELIVERED',
  'REFUNDING',
  'REFUNDED',
  'PARTIALLY_REFUNDED',
] as const satisfies readonly OrderStatus[];
/** Where a refund may start from; a CLOSED order only when money arrived after it closed (a late payment). */
const REFUNDABLE_STATUSES = ['PAID', 'SHIPPED', 'DELIVERED', 'PARTIALLY_REFUNDED', 'CLOSED'] as const satisfies readonly OrderStatus[];
/** Where a refund may go back to when it fails: where it started (a seller's cancel starts from AWAITING_SELLER). */
const REFUND_ORIGINS = [...REFUNDABLE_STATUSES, 'AWAITING_SELLER'] as const satisfies readonly OrderStatus[];
/** Paid and not yet handed over: a refund of these is of the whole order, and its goods go back on the shelf. */
export const UNDELIVERED_PAID_STATUSES = ['AWAITING_SELLER', 'PAID'] as const satisfies readonly OrderStatus[];

const among = (statuses: readonly OrderStatus[], status: OrderStatus): boolean => statuses.includes(status);

export const isUnpaid = (order: Pick<OrderState, 'status'>): boolean => among(UNPAID_STATUSES, order.status);
export const isSettled = (order: Pick<OrderState, 'status'>): boolean => among(SETTLED_STATUSES, order.status);
/** The shopper has what they bought: it was delivered, and not all of it refunded since (what a review may be written of). */
export const wasReceived = (order: Pick<OrderState, 'status' | 'deliveredAt'>): boolean =>
  order.deliveredAt !== null && order.status !== 'REFUNDED' && order.status !== 'REFUNDING';
/** Payable now: unpaid and inside its pay window. */
export const isPayable = (order: Pick<OrderState, 'status' | 'expiresAt'>, now: Date): boolean => isUnpaid(order) && order.expiresAt.getTime() > now.getTime();

/** An event that carries nothing besides its name. */
type NoData = Record<never, never>;

/** Everything that can happen to an order, with what the rule needs to know. */
export interface OrderEvents {
  /** The provider made the QR code: the order waits for the shopper's scan. */
  AWAIT_PAYMENT: NoData;
  /** Money for an unpaid order (callback, repair query, credit). */
  PAY: { at: Date; amount: Minor; currency: string };
  /** Money for an order we had closed, whose stock could be reserved again: it is sold after all. */
  PAY_LATE: { at: Date; amount: Minor; currency: string };
  /** Cancelled by the shopper or an admin, or expired. */
  CLOSE: { at: Date; reason: string };
  /** A deliverer takes the order's row (a write, so a refund or a second deliverer waits behind it). */
  CLAIM_DELIVERY: NoData;
  /** The automatic part is delivered; a person must do the rest. */
  AWAIT_FULFILMENT: NoData;
  /** A delivery attempt failed: count it and say when to try again. */
  DELIVERY_FAILED: { at: Date; error: string };
  /** Everything is handed over (the last line delivered, or an admin's "fulfilled"). */
  DELIVER: { at: Date; note: string | null };
  /** An admin's refund, or the automatic refund of a late payment (`allowClosed`). */
  START_REFUND: { amount: Minor; allowClosed: boolean };
  /** The provider (or the credit balance) gave the money back. */
  FINISH_REFUND: { amount: Minor };
  /** The seller accepts a paid order that waited for them: it goes on to delivery. */
  SELLER_CONFIRM: { at: Date };
  /** The seller refuses it (or its confirmation window passed): its whole amount is refunded. */
  SELLER_CANCEL: { at: Date; reason: string };
  /** The seller sent the physical goods. */
  SHIP: { at: Date; carrier: string; trackingNo: string; receiveBy: Date };
  /** The shopper confirmed receipt (or the receive-by time passed): the order is complete. */
  RECEIVE: { at: Date };
  /** The refund failed: the order goes back to where it was when the refund started. */
  ABANDON_REFUND: { back: OrderStatus };
}

export type OrderEventType = keyof OrderEvents;
export type OrderEvent = { [T in OrderEventType]: { type: T } & OrderEvents[T] }[OrderEventType];
export type EventOf<T extends OrderEventType> = { type: T } & OrderEvents[T];

/** The expected failures each event can meet, by stable code. */
export interface OrderEventErrors {
  AWAIT_PAYMENT: 'ORDER_NOT_PAYABLE';
  PAY: 'ORDER_NOT_PAYABLE' | 'ORDER_CLOSED' | 'AMOUNT_MISMATCH';
  PAY_LATE: 'ORDER_NOT_PAYABLE' | 'AMOUNT_MISMATCH';
  CLOSE: 'ORDER_NOT_CLOSABLE';
  CLAIM_DELIVERY: 'ORDER_NOT_FULFILLABLE';
  AWAIT_FULFILMENT: 'ORDER_NOT_FULFILLABLE';
  DELIVERY_FAILED: 'ORDER_NOT_FULFILLABLE';
  DELIVER: 'ORDER_NOT_FULFILLABLE';
  START_REFUND: 'ORDER_NOT_REFUNDABLE' | 'VALIDATION_FAILED';
  FINISH_REFUND: 'ORDER_NOT_REFUNDABLE';
  ABANDON_REFUND: 'ORDER_NOT_REFUNDABLE';
  SELLER_CONFIRM: 'ORDER_NOT_CONFIRMABLE';
  SELLER_CANCEL: 'ORDER_NOT_CANCELLABLE';
  SHIP: 'ORDER_NOT_SHIPPABLE';
  RECEIVE: 'ORDER_NOT_RECEIVABLE';
}

export type TransitionError<T extends OrderEventType> = DomainError<OrderEventErrors[T]>;

/** One row of the table: from where the event may happen, where it leads, what else it checks and writes. */
export interface TransitionRule<T extends OrderEventType> {
  from: readonly OrderStatus[];
  /** Every state this event can lead to ('same' = stays where it is: bookkeeping under the same conditional update). */
  to: readonly OrderStatus[] | 'same';
  /** Said when the order is in none of `from`. */
  refused: (order: OrderState, event: EventOf<T>) => TransitionError<T>;
  /** What else must hold (amounts, the refund's origin); null when it does. */
  guard?: (order: OrderState, event: EventOf<T>) => TransitionError<T> | null;
  /** The target, when `to` lists several. */
  target?: (order: OrderState, event: EventOf<T>) => OrderStatus;
  changes: (order: OrderState, event: EventOf<T>) => OrderChanges;
}

const error = <C extends string>(code: C, message: string, details?: Record<string, unknown>): DomainError<C> =>
  details ? { code, message, details } : { code, message };

const amountMismatch = (order: OrderState, event: { amount: Minor; currency: string }) =>
  event.amount !== order.totalAmount || event.currency !== order.currency
    ? error('AMOUNT_MISMATCH', `order ${order.orderNo} costs ${order.totalAmount} ${order.currency}, got ${event.amount} ${event.currency}`)
    : null;

const notPaid = (order: OrderState) => error('ORDER_NOT_FULFILLABLE', `order ${order.orderNo} is ${order.status}, not PAID`);
const notRefunding = (order: OrderState) => error('ORDER_NOT_REFUNDABLE', `order ${order.orderNo} is ${order.status}, not REFUNDING`);
const paidNow = (at: Date): OrderChanges => ({ paidAt: at, nextDeliveryAt: at, deliveryAttempts: 0, lastDeliveryError: null });
/** A seller's order waits for them when they confirm by hand: no delivery is due until they do. */
const waitsForSeller = (o: OrderState): boolean => o.confirmWindowMinutes !== null;
const paidFor = (o: OrderState, at: Date): OrderChanges =>
  o.confirmWindowMinutes !== null
    ? { paidAt: at, nextDeliveryAt: null, deliveryAttempts: 0, lastDeliveryError: null, confirmBy: new Date(at.getTime() + o.confirmWindowMinutes * 60_000) }
    : paidNow(at);

/** Exponential backoff for delivery retries: 30 s, 1 min, 2 min, … capped at 1 h. */
export function nextDeliveryAttemptAt(now: Date, attempts: number): Date {
  const delay = Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
  return new Date(now.getTime() + delay);
}

/** What can still be refunded: the total less what was refunded already. */
export const refundableAmount = (order: OrderState): Minor => subtractMinor(order.totalAmount, order.refundedAmount);

/**
 * The order's life, as data. Every change of an order is one of these rows, applied by the repository as ONE
 * conditional update (`… WHERE status = from`), so a duplicate or a racing caller changes nothing the second time.
 */
export const ORDER_TRANSITIONS: { readonly [T in OrderEventType]: TransitionRule<T> } = {
  AWAIT_PAYMENT: {
    from: ['CREATED'],
    to: ['AWAITING_PAYMENT'],
    refused: (o) => error('ORDER_NOT_PAYABLE', `order ${o.orderNo} is ${o.status}`),
    changes: () => ({}),
  },
  PAY: {
    from: UNPAID_STATUSES,
    to: ['PAID', 'AWAITING_SELLER'],
    refused: (o) =>
      o.status === 'CLOSED' ? error('ORDER_CLOSED', `order ${o.orderNo} is closed`) : error('ORDER_NOT_PAYABLE', `order ${o.orderNo} is ${o.status}`),
    guard: amountMismatch,
    target: (o) => (waitsForSeller(o) ? 'AWAITING_SELLER' : 'PAID'),
    changes: (o, e) => paidFor(o, e.at),
  },
  PAY_LATE: {
    from: ['CLOSED'],
    to: ['PAID', 'AWAITING_SELLER'],
    refused: (o) => error('ORDER_NOT_PAYABLE', `order ${o.orderNo} is ${o.status}, not CLOSED`),
    guard: amountMismatch,
    target: (o) => (waitsForSeller(o) ? 'AWAITING_SELLER' : 'PAID'),
    changes: (o, e) => paidFor(o, e.at),
  },
  CLOSE: {
    from: UNPAID_STATUSES,
    to: ['CLOSED'],
    refused: (o) => error('ORDER_NOT_CLOSABLE', `order ${o.orderNo} is ${o.status} and cannot be closed`),
    changes: (_o, e) => ({ closedAt: e.at, closeReason: e.reason }),
  },
  CLAIM_DELIVERY: { from: ['PAID'], to: 'same', refused: notPaid, changes: () => ({ lastDeliveryError: null }) },
  AWAIT_FULFILMENT: { from: ['PAID'], to: 'same', refused: notPaid, changes: () => ({ nextDeliveryAt: null, lastDeliveryError: null }) },
  DELIVERY_FAILED: {
    from: ['PAID'],
    to: 'same',
    refused: notPaid,
    // A stuck order keeps a (distant) next attempt: it stays listed and is still retried, just rarely.
    changes: (o, e) => ({
      deliveryAttempts: o.deliveryAttempts + 1,
      nextDeliveryAt: nextDeliveryAttemptAt(e.at, o.deliveryAttempts + 1),
      lastDeliveryError: e.error.slice(0, 500),
    }),
  },
  DELIVER: {
    from: ['PAID'],
    to: ['DELIVERED'],
    refused: notPaid,
    changes: (_o, e) => ({ deliveredAt: e.at, nextDeliveryAt: null, lastDeliveryError: null, fulfilmentNote: e.note }),
  },
  START_REFUND: {
    from: REFUNDABLE_STATUSES,
    to: ['REFUNDING'],
    refused: (o) =>
      o.status === 'REFUNDING'
        ? error('ORDER_NOT_REFUNDABLE', `order ${o.orderNo} has a refund in progress; wait for it to finish`)
        : error('ORDER_NOT_REFUNDABLE', `order ${o.orderNo} is ${o.status}: nothing was paid that can be refunded`),
    guard: (o, e) => {
      if (o.status === 'CLOSED' && !e.allowClosed)
        return error('ORDER_NOT_REFUNDABLE', `order ${o.orderNo} is ${o.status}: nothing was paid that can be refunded`);
      if (!Number.isSafeInteger(e.amount) || e.amount < 1)
        return error('VALIDATION_FAILED', 'amount: must be a positive integer (minor units)', { field: 'amount' });
      const limit = o.status === 'CLOSED' ? o.totalAmount : refundableAmount(o);
      if (e.amount > limit) return error('VALIDATION_FAILED', `amount: at most ${limit} can still be refunded`, { field: 'amount' });
      // An undelivered order is refunded whole (the sale is undone and its stock goes back); part refunds follow delivery.
      if ((o.status === 'PAID' || o.status === 'SHIPPED') && e.amount !== limit)
        return error('VALIDATION_FAILED', `amount: an order not yet delivered is refunded in full (${limit})`, { field: 'amount' });
      return null;
    },
    changes: () => ({}),
  },
  FINISH_REFUND: {
    from: ['REFUNDING'],
    to: ['REFUNDED', 'PARTIALLY_REFUNDED'],
    refused: notRefunding,
    target: (o, e) => (o.refundedAmount + e.amount >= o.totalAmount ? 'REFUNDED' : 'PARTIALLY_REFUNDED'),
    changes: (o, e) => ({ refundedAmount: addMinor(o.refundedAmount, e.amount) }),
  },
  ABANDON_REFUND: {
    from: ['REFUNDING'],
    to: REFUND_ORIGINS,
    refused: notRefunding,
    // Only back to a state a refund can start from: the one the refund recorded when it began.
    guard: (o, e) => (among(REFUND_ORIGINS, e.back) ? null : error('ORDER_NOT_REFUNDABLE', `order ${o.orderNo} cannot go back to ${e.back}`)),
    target: (_o, e) => e.back,
    changes: () => ({}),
  },
  SELLER_CONFIRM: {
    from: ['AWAITING_SELLER'],
    to: ['PAID'],
    refused: (o) => error('ORDER_NOT_CONFIRMABLE', `order ${o.orderNo} is ${o.status}, not waiting for its seller`),
    changes: (_o, e) => ({ confirmBy: null, nextDeliveryAt: e.at, deliveryAttempts: 0, lastDeliveryError: null }),
  },
  SELLER_CANCEL: {
    // Before anything is handed over: waiting for the seller, or confirmed and not yet shipped.
    from: UNDELIVERED_PAID_STATUSES,
    to: ['REFUNDING'],
    refused: (o) => error('ORDER_NOT_CANCELLABLE', `order ${o.orderNo} is ${o.status}: only a paid order not yet handed over can be cancelled`),
    changes: (_o, e) => ({ confirmBy: null, nextDeliveryAt: null, closedAt: e.at, closeReason: e.reason.slice(0, 200) }),
  },
  SHIP: {
    from: ['PAID'],
    to: ['SHIPPED'],
    refused: (o) => error('ORDER_NOT_SHIPPABLE', `order ${o.orderNo} is ${o.status}, not confirmed and waiting to be shipped`),
    guard: (o) => (o.delivery === null ? error('ORDER_NOT_SHIPPABLE', `order ${o.orderNo} has nothing to ship`) : null),
    changes: (_o, e) => ({ nextDeliveryAt: null, shipment: { carrier: e.carrier, trackingNo: e.trackingNo, shippedAt: e.at, receiveBy: e.receiveBy } }),
  },
  RECEIVE: {
    from: ['SHIPPED'],
    to: ['DELIVERED'],
    refused: (o) => error('ORDER_NOT_RECEIVABLE', `order ${o.orderNo} is ${o.status}, not shipped`),
    changes: (_o, e) => ({ deliveredAt: e.at }),
  },
};

const isOrderEventType = (name: string): name is OrderEventType => Object.hasOwn(ORDER_TRANSITIONS, name);

/** Every event the table knows, in the table's order. */
export const ORDER_EVENT_TYPES: readonly OrderEventType[] = Object.keys(ORDER_TRANSITIONS).filter(isOrderEventType);

/**
 * The one way an order changes: looks the event up in the table, checks where the order is and the rule's guard,
 * and returns the conditional update for the repository to apply (`applyTransition`).
 */
export function transition<T extends OrderEventType>(order: OrderState, event: EventOf<T>): Result<OrderTransition, TransitionError<T>> {
  const rule: TransitionRule<T> = ORDER_TRANSITIONS[event.type];
  if (!rule.from.includes(order.status)) return { ok: false, error: rule.refused(order, event) };
  const refused = rule.guard?.(order, event) ?? null;
  if (refused) return { ok: false, error: refused };
  const to = rule.to === 'same' ? order.status : (rule.target?.(order, event) ?? singleTarget(rule.to));
  const subject = { event: event.type, kind: orderKind(order.lines), paymentMethod: order.paymentMethod };
  return ok({ orderNo: order.orderNo, from: order.status, to, changes: rule.changes(order, event), subject });
}

function singleTarget(to: readonly OrderStatus[]): OrderStatus {
  const [only, ...more] = to;
  if (only === undefined || more.length > 0) throw new Error(`a transition to one of ${to.join(', ')} needs a target function`);
  return only;
}

/** The state an order has once a transition is applied: exactly what the conditional update wrote. */
export const afterTransition = (state: OrderState, applied: OrderTransition): OrderState => ({ ...state, ...applied.changes, status: applied.to });
