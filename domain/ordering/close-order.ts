import { releaseCouponInTx } from '../coupons';
import { shopperNotice } from '../messaging';
import { DomainError, Result, fail, ok } from '../shared/result';
import { afterTransition, transition } from './order-state-machine';
import { OrderState } from './order-types';
import { OrderingTx } from './ordering-deps';
import { releaseLines } from './stock-reservation';

export type CloseOrderError = DomainError<'ORDER_NOT_FOUND' | 'ORDER_NOT_CLOSABLE'>;

/**
 * Closes an unpaid order in the caller's transaction and gives its stock and codes back. The caller has already asked
 * the provider about a QR order (query first, then close there) and closes what else goes with it (its payment).
 */
export async function closeUnpaidInTx(tx: OrderingTx, state: OrderState, now: Date, reason: string): Promise<Result<OrderState, CloseOrderError>> {
  const closing = transition(state, { type: 'CLOSE', at: now, reason });
  if (!closing.ok) return closing;
  if (!(await tx.orders.applyTransition(closing.value))) return fail('ORDER_NOT_CLOSABLE', `order ${state.orderNo} changed while being closed`);
  // Its coupon use comes back with its stock (a checkout's once, by its number, whichever seller order closes first).
  if (state.couponCode !== null) await releaseCouponInTx(tx, state.checkoutNo ?? state.orderNo, now);
  await releaseLines(tx, state.orderNo, state.lines);
  await tx.outbox.enqueue([shopperNotice({ userId: state.userId, event: 'ORDER_CLOSED', orderNo: state.orderNo }, state.orderNo)], now);
  return ok(afterTransition(state, closing.value));
}
