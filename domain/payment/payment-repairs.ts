import { confirmProviderTrade } from './confirm-provider-trade';
import { cancelUnpaidOrder } from './cancel-order';
import { applyProviderRefund, executeRefund } from './execute-refund';
import { PaymentDeps, paymentCheckBackoffMs } from './payment-deps';
import { startQrPayment } from './start-qr-payment';

/** Asks the provider about QR payments whose check is due; a paid one goes through the same path as a callback. */
export async function repairDroppedPayments(deps: PaymentDeps, batchSize: number): Promise<Record<string, number>> {
  const now = deps.clock.now();
  const due = await deps.uow.run((tx) => tx.payments.findChecksDue(deps.provider.name, now, batchSize, 0));
  const report = { checked: due.length, paid: 0, unpaid: 0, failed: 0 };
  for (const payment of due) {
    const trade = await deps.provider.query(payment.outTradeNo);
    if (trade.ok && trade.value.tradeState === 'SUCCESS') {
      const applied = await confirmProviderTrade(deps, trade.value);
      if (applied.ok) report.paid += 1;
      else report.failed += 1;
      continue;
    }
    if (!trade.ok && trade.error.code !== 'ORDER_NOT_EXIST') report.failed += 1;
    else report.unpaid += 1;
    // Checked rows move to the back of the queue (by next_check_at), so old unpaid orders never starve new ones.
    const attempts = payment.checkAttempts + 1;
    await deps.uow.run((tx) =>
      tx.payments.scheduleCheck(
        payment.outTradeNo,
        new Date(deps.clock.now().getTime() + paymentCheckBackoffMs(attempts, deps.limits.paymentFirstCheckMs)),
        attempts,
      ),
    );
  }
  return report;
}

/** Unpaid orders past their pay window: asked about, closed at the provider, then closed here with stock released. */
export async function closeExpiredOrders(deps: PaymentDeps, batchSize: number): Promise<Record<string, number>> {
  const expired = await deps.uow.run((tx) => tx.orders.findExpiredUnpaid(deps.clock.now(), batchSize));
  const report = { expired: expired.length, closed: 0, paid: 0, failed: 0 };
  for (const order of expired) {
    const result = await cancelUnpaidOrder(deps, order.orderNo, 'expired');
    if (result.ok) report.closed += 1;
    else if (result.error.code === 'ORDER_NOT_CLOSABLE') report.paid += 1;
    else report.failed += 1;
  }
  return report;
}

/** CREATED QR orders whose provider call failed: asked for again under the same out_trade_no. */
export async function retryPrepay(deps: PaymentDeps, batchSize: number, olderThanMs = 10_000): Promise<Record<string, number>> {
  const now = deps.clock.now();
  const waiting = await deps.uow.run((tx) => tx.orders.findAwaitingPrepay(new Date(now.getTime() - olderThanMs), now, batchSize));
  const report = { waiting: waiting.length, ready: 0, failed: 0 };
  for (const order of waiting) {
    const result = await startQrPayment(deps, order.orderNo);
    if (result.ok && result.value.status === 'READY') report.ready += 1;
    else report.failed += 1;
  }
  return report;
}

/** REFUNDING orders: asks the provider until each refund is final (or executes one that never reached it). */
export async function syncRefunds(deps: PaymentDeps, batchSize: number): Promise<Record<string, number>> {
  const due = await deps.uow.run((tx) => tx.refunds.findChecksDue(deps.clock.now(), batchSize));
  const report = { checked: due.length, settled: 0, processing: 0, failed: 0 };
  for (const refund of due) {
    if (refund.provider !== deps.provider.name) continue;
    const answer = await deps.provider.queryRefund(refund.outRefundNo);
    const result = answer.ok
      ? await applyProviderRefund(deps, answer.value)
      : answer.error.code === 'ORDER_NOT_EXIST'
        ? await executeRefund(deps, refund.outRefundNo)
        : null;
    if (result === null) {
      report.failed += 1;
      await deps.uow.run((tx) =>
        tx.refunds.scheduleCheck(
          refund.outRefundNo,
          refund.providerRefundId,
          new Date(deps.clock.now().getTime() + 60_000),
          answer.ok ? null : answer.error.message.slice(0, 500),
        ),
      );
    } else if (result.ok && result.value === 'PROCESSING') report.processing += 1;
    else if (result.ok) report.settled += 1;
    else report.failed += 1;
  }
  return report;
}
