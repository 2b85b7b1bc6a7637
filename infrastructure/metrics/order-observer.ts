import { OrderRepository, OrderTransition, orderKind } from '../../domain/ordering';
import { TxBase, UnitOfWork } from '../../domain/shared/unit-of-work';
import { noteOrderNo } from '../logging/log-context';
import { OrderMetricEvent } from './shop-metrics';

export interface OrderEventCount {
  event: OrderMetricEvent;
  kind: string;
  method: string;
}

/** Which state-machine events are business events worth a counter; the rest is bookkeeping (claims, retries). */
const COUNTED: Readonly<Record<string, OrderMetricEvent>> = {
  PAY: 'paid',
  PAY_LATE: 'paid',
  DELIVER: 'delivered',
  CLOSE: 'closed',
  FINISH_REFUND: 'refunded',
};

export const countedEvent = (transition: OrderTransition): OrderEventCount | null => {
  const subject = transition.subject;
  const event = subject ? COUNTED[subject.event] : undefined;
  return subject && event ? { event, kind: subject.kind, method: subject.paymentMethod } : null;
};

/**
 * Observes the order repository of every transaction instead of asking each use case to report: every change of an
 * order is ONE conditional update through `applyTransition` (and a placement one `insert`), so this sees them all,
 * counts only what the database accepted (affected rows = 1) and only once the transaction commits. The order's kind
 * and method ride on the transition, so counting costs no query. It also tags the log context with the order number.
 */
export function withOrderObserver<R extends { orders: OrderRepository }>(inner: UnitOfWork<R>, count: (event: OrderEventCount) => void): UnitOfWork<R> {
  return {
    // A plain read changes no order: nothing to count.
    read: (work) => inner.read(work),
    run<T>(work: (tx: TxBase & R) => Promise<T>): Promise<T> {
      return inner.run((tx) => {
        const seen = tx.orders;
        const orders: OrderRepository = Object.assign(Object.create(seen) as OrderRepository, {
          insert: async (order: Parameters<OrderRepository['insert']>[0]) => {
            const inserted = await seen.insert(order);
            if (inserted === 'INSERTED') {
              noteOrderNo(order.orderNo);
              const placed: OrderEventCount = { event: 'placed', kind: orderKind(order.lines), method: order.paymentMethod };
              tx.afterCommit(() => count(placed));
            }
            return inserted;
          },
          applyTransition: async (transition: OrderTransition) => {
            const applied = await seen.applyTransition(transition);
            noteOrderNo(transition.orderNo);
            const counted = applied ? countedEvent(transition) : null;
            if (counted) tx.afterCommit(() => count(counted));
            return applied;
          },
        });
        return work({ ...tx, orders });
      });
    },
  };
}
