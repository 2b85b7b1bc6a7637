import { applyProviderRefund, executeRefund } from './execute-refund';
import { PaymentDeps } from './payment-deps';
import { configuredProviders } from './payment-providers';

/** REFUNDING orders: asks the provider until each refund is final (or executes one that never reached it). */
export async function syncRefunds(deps: PaymentDeps, batchSize: number): Promise<Record<string, number>> {
  const due = await deps.uow.read((tx) => tx.refunds.findChecksDue(deps.clock.now(), batchSize));
  const report = { checked: due.length, settled: 0, processing: 0, failed: 0 };
  const providers = configuredProviders(deps.providers);
  for (const refund of due) {
    const provider = providers.find((p) => p.name === refund.provider);
    if (!provider) continue;
    const answer = await provider.queryRefund(refund.outRefundNo, refund.outTradeNo);
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
