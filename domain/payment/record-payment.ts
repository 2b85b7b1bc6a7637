import { adminNotice, shopperNotice } from '../messaging';
import { Order, OrderState, afterTransition, deliveryOf, isCheckoutNo, isSettled, transition } from '../ordering';
import { Result, fail, ok } from '../shared/result';
import { ConfirmedPayment, RecordPaymentError } from './confirmed-payment';
import { PaymentTx } from './payment-deps';
import { PaymentRecord } from './payment-record';
import { recordCheckoutPayment, standIn } from './record-checkout-payment';

export type { ConfirmedPayment, RecordPaymentError } from './confirmed-payment';

export type RecordPaymentOutcome =
  | { status: 'MARKED_PAID'; order: Order }
  /** The same payment seen again (a duplicate notification, a repair query after the callback): no effect. */
  | { status: 'ALREADY_RECORDED'; order: Order };

/**
 * The one path by which money turns an order PAID — callback, repair query and credit alike. Inside the caller's
 * transaction: one conditional transition, the payment marked succeeded, and — in one outbox statement — the
 * delivery, the shopper's notice and the admins' "paid" notice.
 */
export async function recordPayment(
  tx: PaymentTx,
  payment: ConfirmedPayment,
  /** What the caller already read or wrote in this transaction (not read again): the order, the payment row (null: none). */
  seen: { order?: OrderState; payment?: PaymentRecord | null } = {},
): Promise<Result<RecordPaymentOutcome, RecordPaymentError>> {
  if (isCheckoutNo(payment.orderNo)) {
    const recorded = await recordCheckoutPayment(tx, payment, { payment: seen.payment });
    return recorded.ok ? ok({ status: recorded.value.status, order: standIn(recorded.value.orders, payment.orderNo) }) : recorded;
  }
  const state = seen.order ?? (await tx.orders.findByNo(payment.orderNo));
  if (!state) return fail('ORDER_NOT_FOUND', `no order ${payment.orderNo}`);
  const order = Order.restore(state);
  const known = seen.payment !== undefined ? seen.payment : await tx.payments.findByOutTradeNo(payment.outTradeNo);
  if (known && known.status === 'SUCCEEDED' && known.transactionId === payment.transactionId) return ok({ status: 'ALREADY_RECORDED', order });
  const paid = transition(state, { type: 'PAY', at: payment.paidAt, amount: payment.amount, currency: payment.currency });
  if (!paid.ok) return paid;
  if (!(await tx.orders.applyTransition(paid.value))) {
    // Someone else moved the order first; look again to tell a duplicate from a conflict.
    const now = await tx.orders.findByNo(payment.orderNo);
    if (now && isSettled(now)) return ok({ status: 'ALREADY_RECORDED', order: Order.restore(now) });
    return fail('ORDER_NOT_PAYABLE', `order ${payment.orderNo} changed while being paid`);
  }
  if (known) {
    if (!(await tx.payments.markSucceeded(payment.outTradeNo, payment.transactionId, payment.paidAt))) {
      throw new Error(`payment ${payment.outTradeNo} was not pending while its order was`);
    }
  } else {
    const inserted = await tx.payments.insert({
      orderNo: payment.orderNo,
      provider: payment.provider,
      outTradeNo: payment.outTradeNo,
      amount: payment.amount,
      currency: payment.currency,
      status: 'SUCCEEDED',
      codeUrl: null,
      expiresAt: null,
      transactionId: payment.transactionId,
      createdAt: payment.paidAt,
      paidAt: payment.paidAt,
    });
    if (inserted === 'DUPLICATE') throw new Error(`payment ${payment.outTradeNo} / ${payment.transactionId} recorded twice`);
  }
  await tx.outbox.enqueue(
    [
      deliveryOf(payment.orderNo),
      shopperNotice({ userId: state.userId, event: 'ORDER_PAID', orderNo: payment.orderNo, amount: payment.amount }, payment.orderNo),
      adminNotice({ event: 'ORDER_PAID', orderNo: payment.orderNo }, payment.orderNo),
    ],
    payment.paidAt,
  );
  return ok({ status: 'MARKED_PAID', order: Order.restore(afterTransition(state, paid.value)) });
}
