import { reclaimCouponInTx } from '../coupons';
import { adminNotice, shopperNotice } from '../messaging';
import { Order, deliveryOf, isCheckoutNo, reserveLines, transition } from '../ordering';
import { DomainError, Result, fail, ok } from '../shared/result';
import { Minor } from '../shared/money';
import { PaymentDeps, PaymentTx } from './payment-deps';
import { PaymentRecord } from './payment-record';
import { refundDuplicatePaymentInTx } from './refund-duplicate-payment';
import { ProviderTrade } from './payment-provider';
import { recordPayment } from './record-payment';
import { refundExecutionOf } from './execute-refund';
import { providerNamed } from './payment-providers';
import { openRefundInTx } from './refund-order';

export type TradeOutcome = 'PAID' | 'ALREADY_RECORDED' | 'NOT_PAID' | 'LATE_PAYMENT_DELIVERED' | 'LATE_PAYMENT_REFUNDING' | 'DUPLICATE_PAYMENT_REFUNDING';

/** Another writer recorded a payment for this trade first: which one it was decides whether this is a duplicate. */
type Raced = 'RACED';

export type TradeError = DomainError<'ORDER_NOT_FOUND' | 'AMOUNT_MISMATCH' | 'ORDER_NOT_PAYABLE'>;

/**
 * What the provider says about a trade (a notification, a query by the repair job or the "check payment" button),
 * applied exactly once. Money for an order we already closed is never ignored: its stock is reserved again and it
 * is delivered, or, when that stock is gone, the money goes back by an automatic refund. A second, different payment
 * for a trade already paid is refunded whole (`refund-duplicate-payment.ts`).
 */
export async function confirmProviderTrade(deps: PaymentDeps, trade: ProviderTrade): Promise<Result<TradeOutcome, TradeError>> {
  if (trade.tradeState !== 'SUCCESS') return ok('NOT_PAID');
  if (!trade.transactionId || trade.amount === undefined)
    return fail('ORDER_NOT_PAYABLE', `trade ${trade.outTradeNo} is SUCCESS without transaction id or amount`);
  const paidAt = trade.successTime ?? deps.clock.now();
  const confirmed = { transactionId: trade.transactionId, amount: trade.amount, currency: trade.currency ?? deps.limits.currency, paidAt };

  const outcome = await applyTrade(deps, trade, confirmed);
  if (!outcome.ok) return outcome;
  if (outcome.value !== 'RACED') return ok(outcome.value);
  // Read again in a fresh transaction: the one that lost the race saw the store as it was before the winner committed.
  return ok(
    await deps.uow.run(async (tx) => {
      const payment = await tx.payments.findByOutTradeNo(trade.outTradeNo);
      return payment?.status === 'SUCCEEDED' ? seenAgain(tx, payment, confirmed, deps.clock.now()) : 'ALREADY_RECORDED';
    }),
  );
}

/** A trade's payment that is recorded already, seen again: the same charge (no effect) or a second one (refunded). */
async function seenAgain(tx: PaymentTx, payment: PaymentRecord, charge: Confirmed, now: Date): Promise<TradeOutcome> {
  if (payment.transactionId === charge.transactionId) return 'ALREADY_RECORDED';
  // A checkout's second charge is refunded against its first seller order (the order itself is left alone).
  const order = isCheckoutNo(payment.orderNo) ? ((await tx.orders.findByCheckout(payment.orderNo))[0] ?? null) : await tx.orders.findByNo(payment.orderNo);
  if (!order) throw new Error(`payment ${payment.outTradeNo} has no order ${payment.orderNo}`);
  return refundDuplicatePaymentInTx(tx, order, payment, charge, now);
}

interface Confirmed {
  transactionId: string;
  amount: Minor;
  currency: string;
  paidAt: Date;
}

async function applyTrade(deps: PaymentDeps, trade: ProviderTrade, confirmed: Confirmed): Promise<Result<TradeOutcome | Raced, TradeError>> {
  const first = await deps.uow.run(async (tx): Promise<Result<TradeOutcome | Raced | 'CLOSED', TradeError>> => {
    const payment = await tx.payments.findByOutTradeNo(trade.outTradeNo);
    if (!payment) return fail('ORDER_NOT_FOUND', `no payment with out_trade_no ${trade.outTradeNo}`);
    if (payment.status === 'SUCCEEDED') return ok(await seenAgain(tx, payment, confirmed, deps.clock.now()));
    if (confirmed.amount !== payment.amount || confirmed.currency !== payment.currency) {
      return fail(
        'AMOUNT_MISMATCH',
        `trade ${trade.outTradeNo} paid ${confirmed.amount} ${confirmed.currency}, the order costs ${payment.amount} ${payment.currency}`,
      );
    }
    const recorded = await recordPayment(
      tx,
      { orderNo: payment.orderNo, outTradeNo: payment.outTradeNo, provider: payment.provider, ...confirmed },
      { payment },
    );
    if (recorded.ok) return ok(recorded.value.status === 'MARKED_PAID' ? 'PAID' : 'RACED');
    if (recorded.error.code === 'ORDER_CLOSED') return ok('CLOSED');
    return fail(
      recorded.error.code === 'AMOUNT_MISMATCH' ? 'AMOUNT_MISMATCH' : recorded.error.code === 'ORDER_NOT_FOUND' ? 'ORDER_NOT_FOUND' : 'ORDER_NOT_PAYABLE',
      recorded.error.message,
    );
  });
  if (!first.ok) return first;
  if (first.value !== 'CLOSED') return ok(first.value);

  const payment = await deps.uow.read((tx) => tx.payments.findByOutTradeNo(trade.outTradeNo));
  if (!payment) return fail('ORDER_NOT_FOUND', `no payment with out_trade_no ${trade.outTradeNo}`);
  if (isCheckoutNo(payment.orderNo)) return ok(await refundLateCheckoutPayment(deps, payment, confirmed));
  const orderNo = payment.orderNo;

  // Late payment, first choice: the goods are still there — sell them after all. All or nothing (a failed
  // reservation rolls this transaction back). A provider whose late money always goes back skips it.
  const resells = providerNamed(deps.providers, payment.provider).latePayments !== 'refund';
  const resold = !resells
    ? fail('OUT_OF_STOCK', `${payment.provider} payments for a closed order are refunded`)
    : await deps.uow.run(async (tx): Promise<Result<TradeOutcome | Raced, DomainError<'OUT_OF_STOCK' | 'ORDER_NOT_PAYABLE' | 'AMOUNT_MISMATCH'>>> => {
        const state = await tx.orders.findByNo(orderNo);
        if (!state) return fail('ORDER_NOT_PAYABLE', `order ${orderNo} vanished`);
        if (state.status !== 'CLOSED') return ok('ALREADY_RECORDED');
        const now = deps.clock.now();
        const reopened = transition(state, { type: 'PAY_LATE', at: confirmed.paidAt, amount: confirmed.amount, currency: confirmed.currency });
        if (!reopened.ok) return reopened;
        if (!(await tx.orders.applyTransition(reopened.value))) return ok('ALREADY_RECORDED');
        // Sold at the discounted price after all: its coupon use counts again (whatever the limit says by now).
        if (state.couponCode !== null) await reclaimCouponInTx(tx, orderNo);
        if (await reserveLines(tx, orderNo, state.lines, now)) return fail('OUT_OF_STOCK', 'stock is gone');
        if (!(await tx.payments.markSucceeded(payment.outTradeNo, confirmed.transactionId, confirmed.paidAt))) return ok('RACED');
        await tx.outbox.enqueue(
          [
            deliveryOf(orderNo),
            shopperNotice({ userId: state.userId, event: 'LATE_PAYMENT_DELIVERED', orderNo, amount: confirmed.amount }, orderNo),
            adminNotice({ event: 'ORDER_PAID', orderNo }, orderNo),
          ],
          now,
        );
        return ok('LATE_PAYMENT_DELIVERED');
      });
  if (resold.ok) return resold;
  if (resold.error.code !== 'OUT_OF_STOCK')
    return fail(resold.error.code === 'AMOUNT_MISMATCH' ? 'AMOUNT_MISMATCH' : 'ORDER_NOT_PAYABLE', resold.error.message);

  // Second choice: the stock is gone — record the money and give it all back.
  return deps.uow.run(async (tx): Promise<Result<TradeOutcome | Raced, TradeError>> => {
    const state = await tx.orders.findByNo(orderNo);
    if (!state || state.status !== 'CLOSED') return ok('RACED');
    const now = deps.clock.now();
    if (!(await tx.payments.markSucceeded(payment.outTradeNo, confirmed.transactionId, confirmed.paidAt))) return ok('RACED');
    const opened = await openRefundInTx(
      tx,
      deps,
      Order.restore(state),
      state.totalAmount,
      resells ? 'paid after the order closed and the stock was gone' : 'paid after the order closed',
      `${orderNo}-LATE`,
      true,
    );
    if (!opened.ok) throw new Error(`late payment refund for ${orderNo}: ${opened.error.message}`);
    await tx.outbox.enqueue(
      [
        refundExecutionOf(opened.value.outRefundNo),
        shopperNotice({ userId: state.userId, event: 'LATE_PAYMENT_REFUNDED', orderNo, amount: confirmed.amount }, orderNo),
      ],
      now,
    );
    return ok('LATE_PAYMENT_REFUNDING');
  });
}

/**
 * Money for a checkout we had closed: its seller orders' stock went back when it closed, so the money goes back —
 * each seller order refunds its own total (a part of the one payment each), in one transaction with the payment.
 */
async function refundLateCheckoutPayment(deps: PaymentDeps, payment: PaymentRecord, confirmed: Confirmed): Promise<TradeOutcome | Raced> {
  return deps.uow.run(async (tx): Promise<TradeOutcome | Raced> => {
    const checkout = await tx.checkouts.findByNo(payment.orderNo);
    if (!checkout || checkout.status !== 'CLOSED') return 'RACED';
    const now = deps.clock.now();
    if (!(await tx.payments.markSucceeded(payment.outTradeNo, confirmed.transactionId, confirmed.paidAt))) return 'RACED';
    if (!(await tx.checkouts.markPaid(checkout.checkoutNo, confirmed.paidAt))) return 'RACED';
    const messages = [];
    for (const state of await tx.orders.findByCheckout(checkout.checkoutNo)) {
      const opened = await openRefundInTx(tx, deps, Order.restore(state), state.totalAmount, 'paid after the checkout closed', `${state.orderNo}-LATE`, true);
      if (!opened.ok) throw new Error(`late payment refund for ${state.orderNo}: ${opened.error.message}`);
      messages.push(
        refundExecutionOf(opened.value.outRefundNo),
        shopperNotice({ userId: state.userId, event: 'LATE_PAYMENT_REFUNDED', orderNo: state.orderNo, amount: state.totalAmount }, state.orderNo),
      );
    }
    await tx.outbox.enqueue(messages, now);
    return 'LATE_PAYMENT_REFUNDING';
  });
}
