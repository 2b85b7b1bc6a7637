import { DeliveryOutcome, deliverOrder } from './deliver-order';
import { OrderingDeps } from './ordering-deps';

export interface RetryDeliveriesReport {
  due: number;
  delivered: number;
  retryScheduled: number;
  stuck: number;
  other: number;
}

/** PAID orders whose next delivery attempt is due, oldest first, in a bounded batch. */
export async function retryDeliveries(deps: OrderingDeps, batchSize: number): Promise<RetryDeliveriesReport> {
  const due = await deps.uow.read((tx) => tx.orders.findDeliveryDue(deps.clock.now(), batchSize));
  const report: RetryDeliveriesReport = { due: due.length, delivered: 0, retryScheduled: 0, stuck: 0, other: 0 };
  for (const order of due) {
    const result = await deliverOrder(deps, order.orderNo);
    const outcome: DeliveryOutcome | null = result.ok ? result.value : null;
    if (outcome === 'DELIVERED') report.delivered += 1;
    else if (outcome === 'RETRY_SCHEDULED') report.retryScheduled += 1;
    else if (outcome === 'STUCK') report.stuck += 1;
    else report.other += 1;
  }
  return report;
}
