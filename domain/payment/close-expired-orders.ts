import { cancelUnpaidOrder } from './cancel-order';
import { EXPIRY_REASON } from './close-order';
import { PaymentDeps } from './payment-deps';

/** Unpaid orders past their pay window: asked about, closed at the provider, then closed here with stock released. */
export async function closeExpiredOrders(deps: PaymentDeps, batchSize: number): Promise<Record<string, number>> {
  const expired = await deps.uow.read((tx) => tx.orders.findExpiredUnpaid(deps.clock.now(), batchSize));
  const report = { expired: expired.length, closed: 0, paid: 0, failed: 0 };
  for (const order of expired) {
    const result = await cancelUnpaidOrder(deps, order.orderNo, EXPIRY_REASON);
    if (result.ok) report.closed += 1;
    else if (result.error.code === 'ORDER_NOT_CLOSABLE') report.paid += 1;
    else report.failed += 1;
  }
  return report;
}
