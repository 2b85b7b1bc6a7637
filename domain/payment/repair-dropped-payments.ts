import { forEachConcurrently } from '../shared/concurrently';
import { confirmProviderTrade } from './confirm-provider-trade';
import { PaymentDeps } from './payment-deps';
import { configuredProviders } from './payment-providers';

/** How long after its n-th unanswered check an unpaid QR order is asked about again: doubling from the first check's delay, at most ten times it. */
export const paymentCheckBackoffMs = (attempts: number, firstCheckMs: number): number => Math.min(firstCheckMs * 2 ** attempts, 10 * firstCheckMs);

/**
 * Payments checked at once: each check is a provider query (outside any transaction) and, when paid, one short
 * transaction, so a batch of thousands after an outage is worked off in parallel rather than one round trip at a time.
 */
export const REPAIR_CONCURRENCY = 16;

/** Asks each provider about its QR payments whose check is due; a paid one goes through the same path as a callback. */
export async function repairDroppedPayments(deps: PaymentDeps, batchSize: number, concurrency = REPAIR_CONCURRENCY): Promise<Record<string, number>> {
  const report = { checked: 0, paid: 0, unpaid: 0, failed: 0 };
  for (const provider of configuredProviders(deps.providers)) {
    if (provider.answersTradeQueries === false) continue;
    const now = deps.clock.now();
    const due = await deps.uow.read((tx) => tx.payments.findChecksDue(provider.name, now, batchSize, 0));
    report.checked += due.length;
    await forEachConcurrently(due, concurrency, async (payment) => {
      const trade = await provider.query(payment.outTradeNo);
      if (trade.ok && trade.value.tradeState === 'SUCCESS') {
        const applied = await confirmProviderTrade(deps, trade.value);
        if (applied.ok) report.paid += 1;
        else report.failed += 1;
        return;
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
    });
  }
  return report;
}
