import { Order, OrderState, refundableAmount, transition } from '../ordering';
import { PaymentRecord } from './payment-record';
import { sha256Hex } from '../shared/digest';
import { Minor, ZERO, minor, negateMinor, shareOfMinor, sumMinor, timesMinor } from '../shared/money';
import { DomainError, Result, fail, ok } from '../shared/result';
import { ValidationError, text } from '../shared/validation';
import { refundExecutionOf } from './execute-refund';
import { PaymentDeps, PaymentTx } from './payment-deps';
import { CREDIT_PROVIDER, providerNamed } from './payment-providers';
import { RefundRecord } from './refund-record';
import { settleRefundInTx } from './settle-refund';

export type RefundError = ValidationError | DomainError<'ORDER_NOT_FOUND' | 'ORDER_NOT_REFUNDABLE' | 'INSUFFICIENT_CREDIT'>;

export interface RefundCommand {
  orderNo: string;
  /** Minor units; absent = everything still refundable. */
  amount?: unknown;
  reason: unknown;
  /** A retried request with the same id refunds once. */
  requestId?: string;
}

/**
 * Moves the order to REFUNDING and writes the refund, in the caller's transaction. A credit pack that was delivered
 * takes back the credit it gave (in proportion to the amount), refused when the shopper has already spent it.
 */
export async function openRefundInTx(
  tx: PaymentTx,
  deps: Pick<PaymentDeps, 'clock' | 'limits'>,
  order: Order,
  amount: Minor,
  reason: string,
  outRefundNo: string,
  allowClosed: boolean,
): Promise<Result<RefundRecord, RefundError>> {
  const state = order.snapshot;
  const starting = transition(state, { type: 'START_REFUND', amount, allowClosed });
  if (!starting.ok) return starting;
  const payment = await paymentOf(tx, state);
  if (!payment) return fail('ORDER_NOT_REFUNDABLE', `order ${state.orderNo} has no successful payment`);
  if (!(await tx.orders.applyTransition(starting.value))) return fail('ORDER_NOT_REFUNDABLE', `order ${state.orderNo} changed; look at it again`);
  const now = deps.clock.now();
  if (state.status === 'DELIVERED' || state.status === 'PARTIALLY_REFUNDED') {
    const credited = sumMinor(state.lines.map((l) => (l.kind === 'credit' && l.creditAmount !== null ? timesMinor(l.creditAmount, l.quantity) : ZERO)));
    const takeBack = shareOfMinor(credited, amount, state.totalAmount);
    if (takeBack > 0) {
      const reversed = await tx.accounts.post({
        userId: state.userId,
        amount: negateMinor(takeBack),
        // The credit was given in the shop's currency, even for a pack paid in Telegram Stars.
        currency: deps.limits.currency,
        kind: 'REVERSAL',
        reason: `refund of order ${state.orderNo}`,
        reference: `refund:${outRefundNo}:reversal`,
        at: now,
      });
      if (reversed.status === 'INSUFFICIENT_FUNDS') {
        return fail(
          'INSUFFICIENT_CREDIT',
          `the shopper has spent the credit this order gave: the balance is ${reversed.balance}, the refund needs ${takeBack} back`,
          { balance: reversed.balance, required: takeBack },
        );
      }
    }
  }
  const inserted = await tx.refunds.insert({
    outRefundNo,
    orderNo: state.orderNo,
    provider: payment.provider,
    outTradeNo: payment.outTradeNo,
    amount,
    currency: state.currency,
    reason,
    status: 'PROCESSING',
    orderStatusBefore: state.status,
    nextCheckAt: new Date(now.getTime() + 60_000),
    createdAt: now,
    kind: 'ORDER',
    transactionId: null,
  });
  if (inserted === 'DUPLICATE') return fail('ORDER_NOT_REFUNDABLE', `refund ${outRefundNo} exists already`);
  return ok(inserted);
}

/** The order's successful payment: its own, or — for a checkout's seller order — the checkout's one payment. */
export async function paymentOf(tx: PaymentTx, state: OrderState): Promise<PaymentRecord | null> {
  if (state.checkoutNo !== null) {
    const shared = await tx.payments.findByOutTradeNo(state.checkoutNo);
    return shared?.status === 'SUCCEEDED' ? shared : null;
  }
  return (await tx.payments.findByOrder(state.orderNo)).find((p) => p.status === 'SUCCEEDED') ?? null;
}

/** An admin refunds an order, fully or partly: back to the credit balance for credit orders, through the provider otherwise. */
export async function refundOrder(deps: PaymentDeps, cmd: RefundCommand): Promise<Result<RefundRecord, RefundError>> {
  const reason = text('reason', cmd.reason ?? 'refund', 1, 80);
  if (!reason.ok) return reason;
  return deps.uow.run(async (tx): Promise<Result<RefundRecord, RefundError>> => {
    const state = await tx.orders.findByNo(cmd.orderNo);
    if (!state) return fail('ORDER_NOT_FOUND', `no order ${cmd.orderNo}`);
    const existing = await tx.refunds.findByOrder(cmd.orderNo);
    const outRefundNo = cmd.requestId ? `${cmd.orderNo}-${sha256Hex(cmd.requestId).slice(0, 8)}` : `${cmd.orderNo}-R${existing.length + 1}`;
    const replay = existing.find((r) => r.outRefundNo === outRefundNo);
    if (replay) return ok(replay);
    const order = Order.restore(state);
    const amount = cmd.amount === undefined || cmd.amount === null ? refundableAmount(state) : cmd.amount;
    if (typeof amount !== 'number') return fail('VALIDATION_FAILED', 'amount: must be an integer (minor units)', { field: 'amount' });
    if (!Number.isSafeInteger(amount)) return fail('VALIDATION_FAILED', 'amount: must be a positive integer (minor units)', { field: 'amount' });
    const opened = await openRefundInTx(tx, deps, order, minor(amount), reason.value, outRefundNo, false);
    if (!opened.ok) return opened;
    // Checked once the refund knows its payment; the failed result rolls the opened refund back.
    if (providerNamed(deps.providers, opened.value.provider).refundsWholeChargeOnly === true && (state.refundedAmount > 0 || amount !== state.totalAmount))
      return fail(
        'VALIDATION_FAILED',
        `amount: ${opened.value.provider} refunds a whole charge only: refund all ${state.totalAmount} ${state.currency} or nothing`,
        {
          field: 'amount',
        },
      );
    if (opened.value.provider === CREDIT_PROVIDER) {
      const now = deps.clock.now();
      await tx.accounts.post({
        userId: state.userId,
        amount: opened.value.amount,
        currency: state.currency,
        kind: 'REFUND',
        reason: `refund of order ${state.orderNo}: ${reason.value}`,
        reference: `refund:${outRefundNo}`,
        at: now,
      });
      await settleRefundInTx(tx, opened.value, { succeeded: true, providerRefundId: null }, now);
      return ok((await tx.refunds.findByOutRefundNo(outRefundNo)) ?? opened.value);
    }
    await tx.outbox.enqueue([refundExecutionOf(outRefundNo)], deps.clock.now());
    return ok(opened.value);
  });
}
