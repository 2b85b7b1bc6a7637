import { adminNotice, sellerNotice, shopperNotice } from '../messaging';
import { CheckoutState, Order, OrderState, afterTransition, deliveryOf, transition } from '../ordering';
import { OutboxEntry } from '../shared/outbox/topic';
import { Result, fail, ok } from '../shared/result';
import { PaymentTx } from './payment-deps';
import { PaymentRecord } from './payment-record';
import { ConfirmedPayment, RecordPaymentError } from './confirmed-payment';

export type CheckoutPaymentOutcome = { status: 'MARKED_PAID' | 'ALREADY_RECORDED'; checkout: CheckoutState; orders: OrderState[] };

/**
 * Money for a checkout (its number is the payment's order number and out_trade_no): the checkout turns PAID and
 * every seller order with it in ONE transaction — to PAID (delivered next) when its seller confirms automatically, to
 * AWAITING_SELLER (its seller is told at once) otherwise. One outbox statement carries the deliveries and notices.
 */
export async function recordCheckoutPayment(
  tx: PaymentTx,
  payment: ConfirmedPayment,
  seen: { checkout?: CheckoutState; orders?: OrderState[]; payment?: PaymentRecord | null } = {},
): Promise<Result<CheckoutPaymentOutcome, RecordPaymentError>> {
  const checkout = seen.checkout ?? (await tx.checkouts.findByNo(payment.orderNo));
  if (!checkout) return fail('ORDER_NOT_FOUND', `no checkout ${payment.orderNo}`);
  const known = seen.payment !== undefined ? seen.payment : await tx.payments.findByOutTradeNo(payment.outTradeNo);
  const orders = seen.orders ?? (await tx.orders.findByCheckout(checkout.checkoutNo));
  if (known && known.status === 'SUCCEEDED' && known.transactionId === payment.transactionId) return ok({ status: 'ALREADY_RECORDED', checkout, orders });
  if (checkout.status === 'CLOSED') return fail('ORDER_CLOSED', `checkout ${checkout.checkoutNo} is closed`);
  if (checkout.status === 'PAID') return ok({ status: 'ALREADY_RECORDED', checkout, orders });
  if (payment.amount !== checkout.totalAmount || payment.currency !== checkout.currency)
    return fail(
      'AMOUNT_MISMATCH',
      `checkout ${checkout.checkoutNo} costs ${checkout.totalAmount} ${checkout.currency}, got ${payment.amount} ${payment.currency}`,
    );
  // The checkout row is the one every payer of it meets first: whoever moves it OPEN → PAID pays its orders.
  if (!(await tx.checkouts.markPaid(checkout.checkoutNo, payment.paidAt))) return ok({ status: 'ALREADY_RECORDED', checkout, orders });
  const paidOrders: OrderState[] = [];
  const messages: OutboxEntry[] = [];
  for (const state of orders) {
    const paid = transition(state, { type: 'PAY', at: payment.paidAt, amount: state.totalAmount, currency: state.currency });
    if (!paid.ok) return paid;
    if (!(await tx.orders.applyTransition(paid.value)))
      throw new Error(`order ${state.orderNo} of checkout ${checkout.checkoutNo} moved while its checkout was open`);
    const after = afterTransition(state, paid.value);
    paidOrders.push(after);
    messages.push(shopperNotice({ userId: state.userId, event: 'ORDER_PAID', orderNo: state.orderNo, amount: state.totalAmount }, state.orderNo));
    messages.push(
      after.status === 'AWAITING_SELLER'
        ? sellerNotice({ sellerId: after.sellerId, event: 'ORDER_TO_CONFIRM', orderNo: after.orderNo, amount: after.totalAmount }, after.orderNo)
        : deliveryOf(state.orderNo),
    );
  }
  if (known) {
    if (!(await tx.payments.markSucceeded(payment.outTradeNo, payment.transactionId, payment.paidAt)))
      throw new Error(`payment ${payment.outTradeNo} was not pending while its checkout was open`);
  } else {
    const inserted = await tx.payments.insert({
      orderNo: checkout.checkoutNo,
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
  messages.push(adminNotice({ event: 'ORDER_PAID', orderNo: checkout.checkoutNo }, checkout.checkoutNo));
  await tx.outbox.enqueue(messages, payment.paidAt);
  return ok({ status: 'MARKED_PAID', checkout: { ...checkout, status: 'PAID', paidAt: payment.paidAt }, orders: paidOrders });
}

/** The first seller order stands for the checkout where one order is expected (a payment's outcome). */
export const standIn = (orders: readonly OrderState[], checkoutNo: string): Order => {
  const first = orders[0];
  if (!first) throw new Error(`checkout ${checkoutNo} has no orders`);
  return Order.restore(first);
};
