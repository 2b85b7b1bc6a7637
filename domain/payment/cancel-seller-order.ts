import { shopperNotice, sellerNotice } from '../messaging';
import { OrderState, afterTransition, transition } from '../ordering';
import { OutboxEntry } from '../shared/outbox/topic';
import { DomainError, Result, fail, ok } from '../shared/result';
import { ValidationError, text } from '../shared/validation';
import { refundExecutionOf } from './execute-refund';
import { PaymentDeps, PaymentTx } from './payment-deps';
import { CREDIT_PROVIDER } from './payment-providers';
import { paymentOf } from './refund-order';
import { settleRefundInTx } from './settle-refund';

export type CancelSellerOrderError = ValidationError | DomainError<'ORDER_NOT_FOUND' | 'ORDER_NOT_CANCELLABLE' | 'ORDER_NOT_REFUNDABLE'>;

/** Who cancels: the seller (only their own orders), or the window job (null: the seller did not answer in time). */
export type Canceller = { sellerId: number } | null;

/** The one refund a seller order's cancellation makes: one number per order, so it can never be made twice. */
export const cancellationRefundNo = (orderNo: string): string => `${orderNo}-C`;

/**
 * A paid seller order not yet handed over is cancelled: ONE transaction moves it to REFUNDING (a conditional update
 * from where it was — a seller's confirm racing the window job: exactly one wins), writes the refund of exactly its
 * total (its share of the checkout's one payment) and queues its execution with the shopper's notices. The refund
 * rides the outbox, so a crash after the commit still refunds it, once (the out_refund_no is the provider's key).
 * Paid with credit, the money is back on the balance in this same transaction.
 */
export async function cancelSellerOrder(
  deps: PaymentDeps,
  by: Canceller,
  orderNo: string,
  reasonInput: unknown,
): Promise<Result<OrderState, CancelSellerOrderError>> {
  const reason = text('reason', reasonInput ?? (by === null ? 'not confirmed in time' : 'cancelled by the seller'), 1, 200);
  if (!reason.ok) return reason;
  return deps.uow.run(async (tx): Promise<Result<OrderState, CancelSellerOrderError>> => {
    const state = await tx.orders.findByNo(orderNo);
    if (!state || state.checkoutNo === null || (by !== null && state.sellerId !== by.sellerId)) return fail('ORDER_NOT_FOUND', `no order ${orderNo}`);
    const now = deps.clock.now();
    // The window job cancels only what still waits past its deadline (the seller may have confirmed since it looked).
    if (by === null && (state.status !== 'AWAITING_SELLER' || state.confirmBy === null || state.confirmBy.getTime() > now.getTime()))
      return fail('ORDER_NOT_CANCELLABLE', `order ${orderNo} is no longer waiting past its window`);
    const cancelled = transition(state, { type: 'SELLER_CANCEL', at: now, reason: reason.value });
    if (!cancelled.ok) return cancelled;
    const payment = await paymentOf(tx, state);
    if (!payment) return fail('ORDER_NOT_REFUNDABLE', `order ${orderNo} has no successful payment`);
    if (!(await tx.orders.applyTransition(cancelled.value))) return fail('ORDER_NOT_CANCELLABLE', `order ${orderNo} changed; it is no longer cancellable`);
    const outRefundNo = cancellationRefundNo(orderNo);
    const refund = await tx.refunds.insert({
      outRefundNo,
      orderNo,
      provider: payment.provider,
      outTradeNo: payment.outTradeNo,
      amount: state.totalAmount,
      currency: state.currency,
      reason: reason.value.slice(0, 80),
      status: 'PROCESSING',
      orderStatusBefore: state.status,
      nextCheckAt: new Date(now.getTime() + 60_000),
      createdAt: now,
      kind: 'ORDER',
      transactionId: null,
    });
    if (refund === 'DUPLICATE') throw new Error(`refund ${outRefundNo} exists for an order that was not cancelled yet`);
    const messages: OutboxEntry[] = [
      // The shop's name is what the shopper knows it by (the reason is the seller's own note, kept on the order).
      shopperNotice(
        {
          userId: state.userId,
          event: 'SELLER_ORDER_CANCELLED',
          orderNo,
          amount: state.totalAmount,
          detail: (await tx.sellers.findById(state.sellerId))?.shopName ?? '',
        },
        orderNo,
      ),
      shopperNotice({ userId: state.userId, event: 'REFUND_STARTED', orderNo, amount: state.totalAmount }, outRefundNo),
    ];
    if (by === null) messages.push(sellerNotice({ sellerId: state.sellerId, event: 'ORDER_AUTO_CANCELLED', orderNo, amount: state.totalAmount }, orderNo));
    if (payment.provider !== CREDIT_PROVIDER) messages.push(refundExecutionOf(outRefundNo));
    await tx.outbox.enqueue(messages, now);
    if (payment.provider === CREDIT_PROVIDER) await refundToCredit(tx, state, refund.outRefundNo, refund, now);
    return ok(afterTransition(state, cancelled.value));
  });
}

async function refundToCredit(tx: PaymentTx, state: OrderState, outRefundNo: string, refund: Parameters<typeof settleRefundInTx>[1], now: Date): Promise<void> {
  await tx.accounts.post({
    userId: state.userId,
    amount: refund.amount,
    currency: state.currency,
    kind: 'REFUND',
    reason: `refund of order ${state.orderNo}: cancelled`,
    reference: `refund:${outRefundNo}`,
    at: now,
  });
  await settleRefundInTx(tx, refund, { succeeded: true, providerRefundId: null }, now);
}

/** The job: seller orders whose confirmation window passed are cancelled and refunded. */
export async function cancelUnconfirmedSellerOrders(deps: PaymentDeps, batch: number): Promise<{ overdue: number; cancelled: number; skipped: number }> {
  const overdue = await deps.uow.read((tx) => tx.orders.findConfirmOverdue(deps.clock.now(), batch));
  const report = { overdue: overdue.length, cancelled: 0, skipped: 0 };
  for (const order of overdue) {
    const result = await cancelSellerOrder(deps, null, order.orderNo, undefined);
    if (result.ok) report.cancelled += 1;
    else report.skipped += 1;
  }
  return report;
}
