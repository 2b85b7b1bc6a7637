import { createHash } from 'node:crypto';
import { Order } from '../ordering/order';
import { refundableAmount, transition } from '../ordering/order-state-machine';
import { releaseLines } from '../ordering/stock-reservation';
import { queueAdminNotice, queueShopperNotice } from '../shared/notices';
import { DomainError, Result, fail, ok } from '../shared/result';
import { ShopDeps } from '../shared/shop-deps';
import { Tx } from '../shared/unit-of-work';
import { ValidationError, text } from '../shared/validation';
import { CREDIT_PROVIDER } from './pay-with-credit';
import { RefundRecord } from './refund-record';

export const TOPIC_EXECUTE_REFUND = 'refund.execute';

export type RefundError = ValidationError | DomainError<'ORDER_NOT_FOUND' | 'ORDER_NOT_REFUNDABLE' | 'INSUFFICIENT_CREDIT'>;

export interface RefundCommand {
  orderNo: string;
  /** Minor units; absent = everything still refundable. */
  amount?: unknown;
  reason: unknown;
  /** A retried request with the same id refunds once. */
  requestId?: string;
}

export async function queueRefundExecution(tx: Tx, outRefundNo: string, now: Date): Promise<void> {
  await tx.outbox.add({ topic: TOPIC_EXECUTE_REFUND, payload: { outRefundNo }, dedupeKey: `refund:${outRefundNo}` }, now);
}

/**
 * Moves the order to REFUNDING and writes the refund, in the caller's transaction. A credit pack that was delivered
 * takes back the credit it gave (in proportion to the amount), refused when the shopper has already spent it.
 */
export async function openRefundInTx(
  tx: Tx,
  deps: Pick<ShopDeps, 'clock'>,
  order: Order,
  amount: number,
  reason: string,
  outRefundNo: string,
  allowClosed: boolean,
): Promise<Result<RefundRecord, RefundError>> {
  const state = order.snapshot;
  const starting = transition(state, { type: 'START_REFUND', amount, allowClosed });
  if (!starting.ok) return starting;
  const payment = (await tx.payments.findByOrder(state.orderNo)).find((p) => p.status === 'SUCCEEDED');
  if (!payment) return fail('ORDER_NOT_REFUNDABLE', `order ${state.orderNo} has no successful payment`);
  if (!(await tx.orders.applyTransition(starting.value))) return fail('ORDER_NOT_REFUNDABLE', `order ${state.orderNo} changed; look at it again`);
  const now = deps.clock.now();
  if (state.status === 'DELIVERED' || state.status === 'PARTIALLY_REFUNDED') {
    const credited = state.lines.reduce((sum, l) => sum + (l.kind === 'credit' && l.creditAmount !== null ? l.creditAmount * l.quantity : 0), 0);
    const takeBack = Math.floor((credited * amount) / state.totalAmount);
    if (takeBack > 0) {
      const reversed = await tx.accounts.post({
        userId: state.userId,
        amount: -takeBack,
        currency: state.currency,
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
  });
  if (inserted === 'DUPLICATE') return fail('ORDER_NOT_REFUNDABLE', `refund ${outRefundNo} exists already`);
  return ok(inserted);
}

/** An admin refunds an order, fully or partly: back to the credit balance for credit orders, through the provider otherwise. */
export async function refundOrder(deps: ShopDeps, cmd: RefundCommand): Promise<Result<RefundRecord, RefundError>> {
  const reason = text('reason', cmd.reason ?? 'refund', 1, 80);
  if (!reason.ok) return reason;
  return deps.uow.run(async (tx): Promise<Result<RefundRecord, RefundError>> => {
    const state = await tx.orders.findByNo(cmd.orderNo);
    if (!state) return fail('ORDER_NOT_FOUND', `no order ${cmd.orderNo}`);
    const existing = await tx.refunds.findByOrder(cmd.orderNo);
    const outRefundNo = cmd.requestId
      ? `${cmd.orderNo}-${createHash('sha256').update(cmd.requestId).digest('hex').slice(0, 8)}`
      : `${cmd.orderNo}-R${existing.length + 1}`;
    const replay = existing.find((r) => r.outRefundNo === outRefundNo);
    if (replay) return ok(replay);
    const order = Order.restore(state);
    const amount = cmd.amount === undefined || cmd.amount === null ? refundableAmount(state) : cmd.amount;
    if (typeof amount !== 'number') return fail('VALIDATION_FAILED', 'amount: must be an integer (minor units)', { field: 'amount' });
    const opened = await openRefundInTx(tx, deps, order, amount, reason.value, outRefundNo, false);
    if (!opened.ok) return opened;
    if (opened.value.provider === CREDIT_PROVIDER) {
      const now = deps.clock.now();
      await tx.accounts.post({
        userId: state.userId,
        amount,
        currency: state.currency,
        kind: 'REFUND',
        reason: `refund of order ${state.orderNo}: ${reason.value}`,
        reference: `refund:${outRefundNo}`,
        at: now,
      });
      await settleRefundInTx(tx, opened.value, { succeeded: true, providerRefundId: null }, now);
      return ok((await tx.refunds.findByOutRefundNo(outRefundNo)) ?? opened.value);
    }
    await queueRefundExecution(tx, outRefundNo, deps.clock.now());
    return ok(opened.value);
  });
}

/** A refund reached a final state (provider answer, notification, sync): the order leaves REFUNDING exactly once. */
export async function settleRefundInTx(
  tx: Tx,
  refund: RefundRecord,
  outcome: { succeeded: boolean; providerRefundId: string | null; error?: string },
  now: Date,
): Promise<boolean> {
  const changed = outcome.succeeded
    ? await tx.refunds.markSucceeded(refund.outRefundNo, outcome.providerRefundId, now)
    : await tx.refunds.markFailed(refund.outRefundNo, outcome.error ?? 'refund failed', now);
  if (!changed) return false;
  const state = await tx.orders.findByNo(refund.orderNo);
  if (!state || state.status !== 'REFUNDING')
    throw new Error(`order ${refund.orderNo} is ${state?.status ?? 'gone'} while its refund ${refund.outRefundNo} settles`);
  if (outcome.succeeded) {
    const finished = transition(state, { type: 'FINISH_REFUND', amount: refund.amount });
    if (!finished.ok) throw new Error(finished.error.message);
    if (!(await tx.orders.applyTransition(finished.value))) throw new Error(`order ${refund.orderNo} left REFUNDING under us`);
    // Refunded before delivery: the goods were never handed over, so they go back on the shelf.
    if (refund.orderStatusBefore === 'PAID') await releaseLines(tx, state.orderNo, state.lines);
    await queueShopperNotice(tx, { userId: state.userId, event: 'ORDER_REFUNDED', orderNo: state.orderNo, amount: refund.amount }, now, refund.outRefundNo);
  } else {
    const abandoned = transition(state, { type: 'ABANDON_REFUND', back: refund.orderStatusBefore });
    if (!abandoned.ok) throw new Error(abandoned.error.message);
    if (!(await tx.orders.applyTransition(abandoned.value))) throw new Error(`order ${refund.orderNo} left REFUNDING under us`);
    await queueAdminNotice(
      tx,
      { event: 'REFUND_FAILED', orderNo: state.orderNo, detail: `${refund.outRefundNo}: ${outcome.error ?? 'failed'}`.slice(0, 200) },
      now,
      refund.outRefundNo,
    );
  }
  return true;
}
