import { OutboxEntry, defineTopic, text } from '../shared/outbox/topic';
import { DomainError, Result, fail, ok } from '../shared/result';
import { PaymentDeps } from './payment-deps';
import { ProviderRefund } from './payment-provider';
import { providerNamed } from './payment-providers';
import { settleRefundInTx } from './settle-refund';

/** "Ask the provider to refund R": queued with the refund, handled by `executeRefund`. */
export const executeRefundTopic = defineTopic<{ outRefundNo: string }>('refund.execute', (p) => {
  const outRefundNo = text(p.outRefundNo);
  return outRefundNo === null ? null : { outRefundNo };
});

export const refundExecutionOf = (outRefundNo: string): OutboxEntry => executeRefundTopic.message({ outRefundNo }, `refund:${outRefundNo}`);

export type RefundProgress = 'SUCCEEDED' | 'FAILED' | 'PROCESSING' | 'ALREADY_SETTLED';

const REFUND_CHECK_MS = 60_000;

/** Applies what the provider says about a refund (its answer, a notification, a sync query). */
export async function applyProviderRefund(deps: PaymentDeps, refund: ProviderRefund): Promise<Result<RefundProgress, DomainError<'NOT_FOUND'>>> {
  return deps.uow.run(async (tx): Promise<Result<RefundProgress, DomainError<'NOT_FOUND'>>> => {
    const record = await tx.refunds.findByOutRefundNo(refund.outRefundNo);
    if (!record) return fail('NOT_FOUND', `no refund ${refund.outRefundNo}`);
    if (record.status !== 'PROCESSING') return ok('ALREADY_SETTLED');
    const now = deps.clock.now();
    if (refund.status === 'PROCESSING') {
      await tx.refunds.scheduleCheck(record.outRefundNo, refund.refundId ?? null, new Date(now.getTime() + REFUND_CHECK_MS), null);
      return ok('PROCESSING');
    }
    const succeeded = refund.status === 'SUCCESS';
    const settled = await settleRefundInTx(
      tx,
      record,
      { succeeded, providerRefundId: refund.refundId ?? null, error: succeeded ? undefined : `provider says ${refund.status}` },
      now,
    );
    return ok(settled ? (succeeded ? 'SUCCEEDED' : 'FAILED') : 'ALREADY_SETTLED');
  });
}

/**
 * Asks the provider to refund (the outbox handler for `refund.execute`, and refund sync). The out_refund_no makes a
 * repeated call harmless. A provider that cannot be reached is retried; one that refuses ends the refund as FAILED.
 */
export async function executeRefund(
  deps: PaymentDeps,
  outRefundNo: string,
): Promise<Result<RefundProgress, DomainError<'NOT_FOUND' | 'PROVIDER_UNAVAILABLE'>>> {
  const record = await deps.uow.run(async (tx) => {
    const refund = await tx.refunds.findByOutRefundNo(outRefundNo);
    const payment = refund ? await tx.payments.findByOutTradeNo(refund.outTradeNo) : null;
    if (!refund || !payment) return null;
    // Only a provider that refunds by payer needs the order's shopper: the others cost no third read.
    const byPayer = providerNamed(deps.providers, refund.provider).refundsByPayer === true;
    const payerId = byPayer ? (await tx.orders.findByNo(refund.orderNo))?.userId : undefined;
    return { refund, payment, payerId };
  });
  if (!record) return fail('NOT_FOUND', `no refund ${outRefundNo}`);
  if (record.refund.status !== 'PROCESSING') return ok('ALREADY_SETTLED');
  // A duplicate charge is its own transaction at the provider: refunded by its id, against its own total.
  const duplicate = record.refund.transactionId;
  const chargeId = duplicate ?? record.payment.transactionId;
  const answer = await providerNamed(deps.providers, record.refund.provider).refund({
    outTradeNo: record.refund.outTradeNo,
    ...(record.payerId !== undefined ? { payerId: record.payerId } : {}),
    ...(chargeId !== null ? { chargeId } : {}),
    ...(duplicate !== null ? { transactionId: duplicate } : {}),
    outRefundNo,
    reason: record.refund.reason,
    refundAmount: record.refund.amount,
    totalAmount: duplicate !== null ? record.refund.amount : record.payment.amount,
    currency: record.refund.currency,
  });
  if (answer.ok) return applyProviderRefund(deps, answer.value);
  if (answer.error.code === 'PROVIDER_UNAVAILABLE') {
    await deps.uow.run((tx) =>
      tx.refunds.scheduleCheck(outRefundNo, null, new Date(deps.clock.now().getTime() + REFUND_CHECK_MS), answer.error.message.slice(0, 500)),
    );
    return fail('PROVIDER_UNAVAILABLE', answer.error.message);
  }
  deps.log('refund refused by the provider', { outRefundNo, error: answer.error });
  return deps.uow.run(async (tx): Promise<Result<RefundProgress, DomainError<'NOT_FOUND'>>> => {
    const fresh = await tx.refunds.findByOutRefundNo(outRefundNo);
    if (!fresh) return fail('NOT_FOUND', `no refund ${outRefundNo}`);
    const settled = await settleRefundInTx(
      tx,
      fresh,
      { succeeded: false, providerRefundId: null, error: `${answer.error.providerCode ?? answer.error.code}: ${answer.error.message}` },
      deps.clock.now(),
    );
    return ok(settled ? 'FAILED' : 'ALREADY_SETTLED');
  });
}
