import { Order, isPayable, isUnpaid } from '../ordering';
import { negateMinor } from '../shared/money';
import { DomainError, Result, fail, ok } from '../shared/result';
import { PaymentTx } from './payment-deps';
import { CREDIT_PROVIDER } from './payment-providers';
import { RecordPaymentError, recordPayment } from './record-payment';

export type PayWithCreditError = RecordPaymentError | DomainError<'INSUFFICIENT_CREDIT' | 'PAYMENT_METHOD_NOT_ALLOWED'>;

/** Debit and "paid" in the caller's transaction: if either fails, neither happened. */
export async function payWithCreditInTx(tx: PaymentTx, order: Order, now: Date): Promise<Result<Order, PayWithCreditError>> {
  const state = order.snapshot;
  if (state.lines.some((l) => l.kind === 'credit')) return fail('PAYMENT_METHOD_NOT_ALLOWED', 'credit packs are paid by QR code, not with credit');
  if (!isPayable(state, now))
    return fail(
      order.status === 'CLOSED' ? 'ORDER_CLOSED' : 'ORDER_NOT_PAYABLE',
      `order ${order.orderNo} is ${order.status}${isUnpaid(state) ? ' and past its pay window' : ''}`,
    );
  const reference = `order:${state.orderNo}:payment`;
  const posted = await tx.accounts.post({
    userId: state.userId,
    amount: negateMinor(state.totalAmount),
    currency: state.currency,
    kind: 'PURCHASE',
    reason: `order ${state.orderNo}`,
    reference,
    at: now,
  });
  if (posted.status === 'INSUFFICIENT_FUNDS') {
    return fail('INSUFFICIENT_CREDIT', `this order costs ${state.totalAmount} and the balance is ${posted.balance}`, {
      balance: posted.balance,
      required: state.totalAmount,
    });
  }
  if (posted.status === 'DUPLICATE_REFERENCE') return fail('ORDER_NOT_PAYABLE', `order ${state.orderNo} was already paid with credit`);
  const recorded = await recordPayment(
    tx,
    {
      orderNo: state.orderNo,
      outTradeNo: state.orderNo,
      provider: CREDIT_PROVIDER,
      transactionId: `ledger:${posted.entry.id}`,
      amount: state.totalAmount,
      currency: state.currency,
      paidAt: now,
    },
    // Placed a moment ago in this transaction, with no payment row yet: nothing to read back.
    { order: state, payment: null },
  );
  if (!recorded.ok) return recorded;
  return ok(recorded.value.order);
}
