import { PaymentDeps } from './payment-deps';
import { startQrPayment } from './start-qr-payment';

/** CREATED QR orders whose provider call failed: asked for again under the same out_trade_no. */
export async function retryPrepay(deps: PaymentDeps, batchSize: number, olderThanMs = 10_000): Promise<Record<string, number>> {
  const now = deps.clock.now();
  const waiting = await deps.uow.read((tx) => tx.orders.findAwaitingPrepay(new Date(now.getTime() - olderThanMs), now, batchSize));
  const report = { waiting: waiting.length, ready: 0, failed: 0 };
  for (const order of waiting) {
    const result = await startQrPayment(deps, order.orderNo);
    if (result.ok && result.value.status === 'READY') report.ready += 1;
    else report.failed += 1;
  }
  return report;
}
