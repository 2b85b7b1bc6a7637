import { adminNotice } from '../messaging';
import { OrderState } from '../ordering';
import { sha256Hex } from '../shared/digest';
import { refundExecutionOf } from './execute-refund';
import { PaymentTx } from './payment-deps';
import { PaymentRecord } from './payment-record';

export interface DuplicateCharge {
  transactionId: string;
  amount: PaymentRecord['amount'];
  currency: string;
}

/**
 * One out_refund_no per (provider, transaction): the unique key on it makes a retried or concurrent notification of
 * the same second charge record it once, and the provider's idempotency on it refunds it once.
 */
export const duplicateRefundNo = (orderNo: string, provider: string, transactionId: string): string =>
  `${orderNo}-D${sha256Hex(`${provider}:${transactionId}`).slice(0, 12)}`;

/**
 * A second, different verified payment for an order that is already paid (the shopper's wallet charged twice, a
 * second device scanning the same code): every cent that arrives is delivered or refunded, and this one cannot be
 * delivered again, so it is recorded as a refund of that charge and given back whole through the provider. The
 * order itself is not touched. Inside the caller's transaction; 'ALREADY_RECORDED' for a charge seen before.
 */
export async function refundDuplicatePaymentInTx(
  tx: PaymentTx,
  order: OrderState,
  payment: PaymentRecord,
  charge: DuplicateCharge,
  now: Date,
): Promise<'DUPLICATE_PAYMENT_REFUNDING' | 'ALREADY_RECORDED'> {
  const outRefundNo = duplicateRefundNo(order.orderNo, payment.provider, charge.transactionId);
  const inserted = await tx.refunds.insert({
    outRefundNo,
    orderNo: order.orderNo,
    provider: payment.provider,
    outTradeNo: payment.outTradeNo,
    amount: charge.amount,
    currency: charge.currency,
    reason: `duplicate payment ${charge.transactionId}`,
    status: 'PROCESSING',
    orderStatusBefore: order.status,
    nextCheckAt: new Date(now.getTime() + 60_000),
    createdAt: now,
    kind: 'DUPLICATE_PAYMENT',
    transactionId: charge.transactionId,
  });
  if (inserted === 'DUPLICATE') return 'ALREADY_RECORDED';
  const detail = `${charge.transactionId} (${charge.amount} ${charge.currency}), refund ${outRefundNo}`;
  await tx.outbox.enqueue([refundExecutionOf(outRefundNo), adminNotice({ event: 'DUPLICATE_PAYMENT', orderNo: order.orderNo, detail }, outRefundNo)], now);
  return 'DUPLICATE_PAYMENT_REFUNDING';
}
