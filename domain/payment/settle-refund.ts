import { adminNotice, shopperNotice } from '../messaging';
import { OrderStatus, UNDELIVERED_PAID_STATUSES, releaseLines, transition } from '../ordering';
import { clawBackRefund } from '../sellers';
import { OutboxEntry } from '../shared/outbox/topic';
import { PaymentTx } from './payment-deps';
import { RefundRecord } from './refund-record';

const among = (statuses: readonly OrderStatus[], status: OrderStatus): boolean => statuses.includes(status);

/** A refund reached a final state (provider answer, notification, sync): the order leaves REFUNDING exactly once. */
export async function settleRefundInTx(
  tx: PaymentTx,
  refund: RefundRecord,
  outcome: { succeeded: boolean; providerRefundId: string | null; error?: string },
  now: Date,
): Promise<boolean> {
  const changed = outcome.succeeded
    ? await tx.refunds.markSucceeded(refund.outRefundNo, outcome.providerRefundId, now)
    : await tx.refunds.markFailed(refund.outRefundNo, outcome.error ?? 'refund failed', now);
  if (!changed) return false;
  const state = await tx.orders.findByNo(refund.orderNo);
  // A duplicate charge's refund leaves the order where it is: only who hears of it differs.
  if (state && refund.kind === 'DUPLICATE_PAYMENT') {
    await tx.outbox.enqueue([duplicateSettledNotice(refund, state.userId, outcome)], now);
    return true;
  }
  if (!state || state.status !== 'REFUNDING')
    throw new Error(`order ${refund.orderNo} is ${state?.status ?? 'gone'} while its refund ${refund.outRefundNo} settles`);
  if (outcome.succeeded) {
    const finished = transition(state, { type: 'FINISH_REFUND', amount: refund.amount });
    if (!finished.ok) throw new Error(finished.error.message);
    if (!(await tx.orders.applyTransition(finished.value))) throw new Error(`order ${refund.orderNo} left REFUNDING under us`);
    // Refunded before delivery: the goods were never handed over, so they go back on the shelf.
    if (among(UNDELIVERED_PAID_STATUSES, refund.orderStatusBefore)) await releaseLines(tx, state.orderNo, state.lines);
    // Refunded after completion: the seller was credited for it, so their share of the refund is taken back (once).
    if (state.checkoutNo !== null && (refund.orderStatusBefore === 'DELIVERED' || refund.orderStatusBefore === 'PARTIALLY_REFUNDED'))
      await clawBackRefund(tx, { sellerId: state.sellerId, orderNo: state.orderNo, refundMinor: refund.amount, refundRef: refund.outRefundNo, at: now });
    await tx.outbox.enqueue(
      [shopperNotice({ userId: state.userId, event: 'ORDER_REFUNDED', orderNo: state.orderNo, amount: refund.amount }, refund.outRefundNo)],
      now,
    );
  } else {
    const abandoned = transition(state, { type: 'ABANDON_REFUND', back: refund.orderStatusBefore });
    if (!abandoned.ok) throw new Error(abandoned.error.message);
    if (!(await tx.orders.applyTransition(abandoned.value))) throw new Error(`order ${refund.orderNo} left REFUNDING under us`);
    const detail = `${refund.outRefundNo}: ${outcome.error ?? 'failed'}`.slice(0, 200);
    await tx.outbox.enqueue([adminNotice({ event: 'REFUND_FAILED', orderNo: state.orderNo, detail }, refund.outRefundNo)], now);
  }
  return true;
}

/** The refund of a duplicate charge is final: the shopper hears the money is back, or the admins that it is not. */
function duplicateSettledNotice(refund: RefundRecord, shopperId: string, outcome: { succeeded: boolean; error?: string }): OutboxEntry {
  if (outcome.succeeded) {
    return shopperNotice({ userId: shopperId, event: 'DUPLICATE_PAYMENT_REFUNDED', orderNo: refund.orderNo, amount: refund.amount }, refund.outRefundNo);
  }
  const detail = `${refund.outRefundNo} (duplicate payment ${refund.transactionId ?? '?'}): ${outcome.error ?? 'failed'}`.slice(0, 200);
  return adminNotice({ event: 'REFUND_FAILED', orderNo: refund.orderNo, detail }, refund.outRefundNo);
}
