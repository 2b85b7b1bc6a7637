import { noteCheckoutFailure } from '../account';
import { CloseOrderError, Order, closeUnpaidInTx } from '../ordering';
import { Result, fail, ok } from '../shared/result';
import { PaymentDeps } from './payment-deps';

/** The reason the expiry job closes with: such a close is a failed checkout (the stock was held for nothing). */
export const EXPIRY_REASON = 'expired';

/**
 * The local half of closing an unpaid order, in one transaction: the order closes (stock and codes back) and its
 * pending payment with it. For a QR order the caller has already asked the provider (query first, then close there).
 * An expiry also notes the shopper's failed checkout in the same transaction (the lockout rule, account's).
 */
export async function closeOrder(
  deps: Pick<PaymentDeps, 'uow' | 'clock' | 'limits'>,
  orderNo: string,
  reason: string,
  byShopper?: string,
): Promise<Result<Order, CloseOrderError>> {
  return deps.uow.run(async (tx) => {
    const state = await tx.orders.findByNo(orderNo);
    if (!state || (byShopper !== undefined && state.userId !== byShopper)) return fail('ORDER_NOT_FOUND', `no order ${orderNo}`);
    if (state.status === 'CLOSED') return ok(Order.restore(state));
    const now = deps.clock.now();
    const closed = await closeUnpaidInTx(tx, state, now, reason);
    if (!closed.ok) return closed;
    if (reason === EXPIRY_REASON) await noteCheckoutFailure(tx, deps.limits, state.userId, 'ORDER_EXPIRED_UNPAID', now, orderNo);
    for (const payment of await tx.payments.findByOrder(orderNo)) {
      if (payment.status === 'PENDING') await tx.payments.markClosed(payment.outTradeNo);
    }
    return ok(Order.restore(closed.value));
  });
}
