import { CloseOrderError, Order, closeUnpaidInTx } from '../ordering';
import { Result, fail, ok } from '../shared/result';
import { PaymentDeps } from './payment-deps';

/**
 * The local half of closing an unpaid order, in one transaction: the order closes (stock and codes back) and its
 * pending payment with it. For a QR order the caller has already asked the provider (query first, then close there).
 */
export async function closeOrder(
  deps: Pick<PaymentDeps, 'uow' | 'clock'>,
  orderNo: string,
  reason: string,
  byShopper?: string,
): Promise<Result<Order, CloseOrderError>> {
  return deps.uow.run(async (tx) => {
    const state = await tx.orders.findByNo(orderNo);
    if (!state || (byShopper !== undefined && state.userId !== byShopper)) return fail('ORDER_NOT_FOUND', `no order ${orderNo}`);
    if (state.status === 'CLOSED') return ok(Order.restore(state));
    const closed = await closeUnpaidInTx(tx, state, deps.clock.now(), reason);
    if (!closed.ok) return closed;
    for (const payment of await tx.payments.findByOrder(orderNo)) {
      if (payment.status === 'PENDING') await tx.payments.markClosed(payment.outTradeNo);
    }
    return ok(Order.restore(closed.value));
  });
}
