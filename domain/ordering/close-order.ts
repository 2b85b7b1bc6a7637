import { queueShopperNotice } from '../shared/notices';
import { DomainError, Result, fail, ok } from '../shared/result';
import { ShopDeps } from '../shared/shop-deps';
import { Order } from './order';
import { afterTransition, transition } from './order-state-machine';
import { releaseLines } from './stock-reservation';

export type CloseOrderError = DomainError<'ORDER_NOT_FOUND' | 'ORDER_NOT_CLOSABLE'>;

/**
 * Closes an unpaid order locally and gives its stock and codes back, all in one transaction. For a QR order the
 * caller has already asked the provider (query first, then close there): this is the local half.
 */
export async function closeOrder(deps: ShopDeps, orderNo: string, reason: string, byShopper?: string): Promise<Result<Order, CloseOrderError>> {
  return deps.uow.run(async (tx) => {
    const state = await tx.orders.findByNo(orderNo);
    if (!state || (byShopper !== undefined && state.userId !== byShopper)) return fail('ORDER_NOT_FOUND', `no order ${orderNo}`);
    if (state.status === 'CLOSED') return ok(Order.restore(state));
    const now = deps.clock.now();
    const closing = transition(state, { type: 'CLOSE', at: now, reason });
    if (!closing.ok) return closing;
    if (!(await tx.orders.applyTransition(closing.value))) return fail('ORDER_NOT_CLOSABLE', `order ${orderNo} changed while being closed`);
    await releaseLines(tx, orderNo, state.lines);
    for (const payment of await tx.payments.findByOrder(orderNo)) {
      if (payment.status === 'PENDING') await tx.payments.markClosed(payment.outTradeNo);
    }
    await queueShopperNotice(tx, { userId: state.userId, event: 'ORDER_CLOSED', orderNo }, now, orderNo);
    return ok(Order.restore(afterTransition(state, closing.value)));
  });
}
