import { DomainError, Result, fail, ok } from '../shared/result';
import { OrderLine, OrderState, OrderStatus, OrderTransition, PaymentMethod } from './order-types';

const UNPAID: readonly OrderStatus[] = ['CREATED', 'AWAITING_PAYMENT'];
const SETTLED: readonly OrderStatus[] = ['PAID', 'DELIVERED', 'REFUNDING', 'REFUNDED', 'PARTIALLY_REFUNDED'];

export interface PlaceOrderInput {
  orderNo: string;
  userId: string;
  lines: OrderLine[];
  currency: string;
  paymentMethod: PaymentMethod;
  idempotencyKey: string | null;
  requestHash: string | null;
  now: Date;
  payWindowMs: number;
}

/** Canonical key of what was bought: the same items in any order give the same key. */
export const itemsKeyOf = (lines: Array<{ productId: number; quantity: number }>): string =>
  [...lines]
    .sort((a, b) => a.productId - b.productId)
    .map((l) => `${l.productId}x${l.quantity}`)
    .join(',');

/**
 * The Order aggregate states which transitions are legal; each returns the conditional update that the repository
 * applies with `WHERE status = from`, so a duplicate or a racing caller changes nothing the second time.
 */
export class Order {
  private constructor(private readonly state: OrderState) {}

  static restore(state: OrderState): Order {
    return new Order(state);
  }

  static place(input: PlaceOrderInput): Order {
    const total = input.lines.reduce((sum, l) => sum + l.lineTotal, 0);
    return new Order({
      orderNo: input.orderNo,
      userId: input.userId,
      status: 'CREATED',
      currency: input.currency,
      totalAmount: total,
      paymentMethod: input.paymentMethod,
      lines: input.lines,
      idempotencyKey: input.idempotencyKey,
      requestHash: input.requestHash,
      itemsKey: itemsKeyOf(input.lines),
      createdAt: input.now,
      expiresAt: new Date(input.now.getTime() + input.payWindowMs),
      paidAt: null,
      deliveredAt: null,
      closedAt: null,
      closeReason: null,
      deliveryAttempts: 0,
      nextDeliveryAt: null,
      lastDeliveryError: null,
      refundedAmount: 0,
      fulfilmentNote: null,
    });
  }

  get snapshot(): OrderState {
    return this.state;
  }

  get orderNo(): string {
    return this.state.orderNo;
  }

  get status(): OrderStatus {
    return this.state.status;
  }

  isUnpaid(): boolean {
    return UNPAID.includes(this.state.status);
  }

  isSettled(): boolean {
    return SETTLED.includes(this.state.status);
  }

  /** Payable now: unpaid and inside its pay window. */
  isPayable(now: Date): boolean {
    return this.isUnpaid() && this.state.expiresAt.getTime() > now.getTime();
  }

  hasManualLines(): boolean {
    return this.state.lines.some((l) => l.kind === 'manual');
  }

  awaitPayment(): Result<OrderTransition, DomainError<'ORDER_NOT_PAYABLE'>> {
    if (this.state.status !== 'CREATED') return fail('ORDER_NOT_PAYABLE', `order ${this.orderNo} is ${this.state.status}`);
    return ok(this.transition('AWAITING_PAYMENT', {}));
  }

  markPaid(at: Date, amount: number, currency: string): Result<OrderTransition, DomainError<'ORDER_NOT_PAYABLE' | 'ORDER_CLOSED' | 'AMOUNT_MISMATCH'>> {
    if (this.state.status === 'CLOSED') return fail('ORDER_CLOSED', `order ${this.orderNo} is closed`);
    if (!this.isUnpaid()) return fail('ORDER_NOT_PAYABLE', `order ${this.orderNo} is ${this.state.status}`);
    if (amount !== this.state.totalAmount || currency !== this.state.currency) {
      return fail('AMOUNT_MISMATCH', `order ${this.orderNo} costs ${this.state.totalAmount} ${this.state.currency}, got ${amount} ${currency}`);
    }
    return ok(this.transition('PAID', { paidAt: at, nextDeliveryAt: at, deliveryAttempts: 0, lastDeliveryError: null }));
  }

  /** Money arrived for an order we had closed, and its stock could be reserved again: it is sold after all. */
  reopenForLatePayment(at: Date, amount: number, currency: string): Result<OrderTransition, DomainError<'ORDER_NOT_PAYABLE' | 'AMOUNT_MISMATCH'>> {
    if (this.state.status !== 'CLOSED') return fail('ORDER_NOT_PAYABLE', `order ${this.orderNo} is ${this.state.status}, not CLOSED`);
    if (amount !== this.state.totalAmount || currency !== this.state.currency) {
      return fail('AMOUNT_MISMATCH', `order ${this.orderNo} costs ${this.state.totalAmount} ${this.state.currency}, got ${amount} ${currency}`);
    }
    return ok(this.transition('PAID', { paidAt: at, nextDeliveryAt: at, deliveryAttempts: 0, lastDeliveryError: null }));
  }

  /** What can still be refunded: the total less what was refunded already. */
  refundable(): number {
    return this.state.totalAmount - this.state.refundedAmount;
  }

  /** A refund starts: PAID, DELIVERED or PARTIALLY_REFUNDED orders (and CLOSED ones paid late) wait in REFUNDING. */
  startRefund(amount: number, allowClosed = false): Result<OrderTransition, DomainError<'ORDER_NOT_REFUNDABLE' | 'VALIDATION_FAILED'>> {
    const from = this.state.status;
    const refundableStates: OrderStatus[] = ['PAID', 'DELIVERED', 'PARTIALLY_REFUNDED', ...(allowClosed ? (['CLOSED'] as OrderStatus[]) : [])];
    if (from === 'REFUNDING') return fail('ORDER_NOT_REFUNDABLE', `order ${this.orderNo} has a refund in progress; wait for it to finish`);
    if (!refundableStates.includes(from)) return fail('ORDER_NOT_REFUNDABLE', `order ${this.orderNo} is ${from}: nothing was paid that can be refunded`);
    if (!Number.isSafeInteger(amount) || amount < 1) return fail('VALIDATION_FAILED', 'amount: must be a positive integer (minor units)', { field: 'amount' });
    const limit = allowClosed && from === 'CLOSED' ? this.state.totalAmount : this.refundable();
    if (amount > limit) return fail('VALIDATION_FAILED', `amount: at most ${limit} can still be refunded`, { field: 'amount' });
    // An undelivered order is refunded whole (the sale is undone and its stock goes back); part refunds follow delivery.
    if (from === 'PAID' && amount !== limit)
      return fail('VALIDATION_FAILED', `amount: an order not yet delivered is refunded in full (${limit})`, { field: 'amount' });
    return ok(this.transition('REFUNDING', {}));
  }

  /** A refund came back: the order ends REFUNDED when everything went back, PARTIALLY_REFUNDED otherwise. */
  finishRefund(amount: number): OrderTransition {
    const refunded = this.state.refundedAmount + amount;
    return this.transition(refunded >= this.state.totalAmount ? 'REFUNDED' : 'PARTIALLY_REFUNDED', { refundedAmount: refunded });
  }

  /** A refund failed: back to where the order was. */
  abandonRefund(back: OrderStatus): OrderTransition {
    return this.transition(back, {});
  }

  markDelivered(at: Date, fulfilmentNote: string | null): Result<OrderTransition, DomainError<'ORDER_NOT_FULFILLABLE'>> {
    if (this.state.status !== 'PAID') return fail('ORDER_NOT_FULFILLABLE', `order ${this.orderNo} is ${this.state.status}, not PAID`);
    return ok(this.transition('DELIVERED', { deliveredAt: at, nextDeliveryAt: null, lastDeliveryError: null, fulfilmentNote }));
  }

  close(at: Date, reason: string): Result<OrderTransition, DomainError<'ORDER_NOT_CLOSABLE'>> {
    if (!this.isUnpaid()) return fail('ORDER_NOT_CLOSABLE', `order ${this.orderNo} is ${this.state.status} and cannot be closed`);
    return ok(this.transition('CLOSED', { closedAt: at, closeReason: reason }));
  }

  private transition(to: OrderStatus, changes: OrderTransition['changes']): OrderTransition {
    return { orderNo: this.state.orderNo, from: this.state.status, to, changes };
  }
}

/** The state an order has once a transition is applied: exactly what the conditional update wrote. */
export const afterTransition = (state: OrderState, transition: OrderTransition): OrderState => ({ ...state, ...transition.changes, status: transition.to });

/** Exponential backoff for delivery retries: 30 s, 1 min, 2 min, … capped at 1 h. */
export function nextDeliveryAttemptAt(now: Date, attempts: number): Date {
  const delay = Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
  return new Date(now.getTime() + delay);
}
