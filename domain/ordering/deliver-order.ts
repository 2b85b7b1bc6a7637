import { HOUSE_SELLER_ID } from '../catalog';
import { adminNotice, sellerNotice, shopperNotice } from '../messaging';
import { timesMinor } from '../shared/money';
import { OutboxEntry, defineTopic, text } from '../shared/outbox/topic';
import { DomainError, Result, fail, ok } from '../shared/result';
import { Order } from './order';
import { afterTransition, transition } from './order-state-machine';
import { OrderState } from './order-types';
import { OrderingDeps, OrderingTx } from './ordering-deps';
import { creditCompletedSale } from './complete-sale';

/** "Deliver order X": queued in the transaction that makes the order PAID, handled by `deliverOrder`. */
export const deliverOrderTopic = defineTopic<{ orderNo: string }>('order.deliver', (p) => {
  const orderNo = text(p.orderNo);
  return orderNo === null ? null : { orderNo };
});

/** The delivery message for an order: one per order, ever (the dedupe key). */
export const deliveryOf = (orderNo: string): OutboxEntry => deliverOrderTopic.message({ orderNo }, `deliver:${orderNo}`);

export type DeliveryOutcome = 'DELIVERED' | 'ALREADY_DELIVERED' | 'AWAITING_FULFILMENT' | 'RETRY_SCHEDULED' | 'STUCK';

export type DeliveryError = DomainError<'ORDER_NOT_FOUND' | 'ORDER_NOT_FULFILLABLE'>;

/**
 * Delivers a PAID order's automatic lines; safe to call any number of times. Credit top-ups post with a reference
 * unique per order line, codes move RESERVED → DELIVERED once, webhooks carry a stable idempotency key. The order
 * becomes DELIVERED in the same transaction as the last of it; manual lines wait for a person's fulfil (the seller's, or
 * an admin's for the house).
 */
export async function deliverOrder(deps: OrderingDeps, orderNo: string): Promise<Result<DeliveryOutcome, DeliveryError>> {
  const state = await deps.uow.read((tx) => tx.orders.findByNo(orderNo));
  if (!state) return fail('ORDER_NOT_FOUND', `no order ${orderNo}`);
  if (state.status !== 'PAID')
    return state.status === 'DELIVERED' ? ok('ALREADY_DELIVERED') : fail('ORDER_NOT_FULFILLABLE', `order ${orderNo} is ${state.status}`);

  const webhookFailure = await callWebhooks(deps, state);
  if (webhookFailure !== null) return recordFailure(deps, state, webhookFailure);

  return deps.uow.run(async (tx) => {
    const now = deps.clock.now();
    // Claim the order row first: a refund or a second deliverer racing us waits or finds it no longer PAID.
    const claim = transition(state, { type: 'CLAIM_DELIVERY' });
    if (!claim.ok || !(await tx.orders.applyTransition(claim.value))) return ok<DeliveryOutcome>('ALREADY_DELIVERED');
    const fresh = await tx.orders.findByNo(orderNo);
    if (!fresh) return ok<DeliveryOutcome>('ALREADY_DELIVERED');
    await deliverAutomaticLines(tx, fresh, now, deps.limits.currency);
    if (Order.restore(fresh).hasPhysicalLines()) {
      // Physical goods are handed over by the seller's shipment (SHIP, then the shopper's receipt), not here.
      const waiting = transition(fresh, { type: 'AWAIT_FULFILMENT' });
      if (waiting.ok) await tx.orders.applyTransition(waiting.value);
      return ok<DeliveryOutcome>('AWAITING_FULFILMENT');
    }
    if (Order.restore(fresh).hasManualLines()) {
      const waiting = transition(fresh, { type: 'AWAIT_FULFILMENT' });
      if (waiting.ok) await tx.orders.applyTransition(waiting.value);
      // A seller's goods are handed over by that seller (admins may still do it); the house's by the admins.
      const whoFulfils =
        fresh.sellerId === HOUSE_SELLER_ID
          ? adminNotice({ event: 'FULFILMENT_NEEDED', orderNo }, orderNo)
          : sellerNotice({ sellerId: fresh.sellerId, event: 'ORDER_TO_FULFIL', orderNo, amount: fresh.totalAmount }, orderNo);
      await tx.outbox.enqueue([whoFulfils, shopperNotice({ userId: fresh.userId, event: 'ORDER_AWAITING_FULFILMENT', orderNo }, orderNo)], now);
      return ok<DeliveryOutcome>('AWAITING_FULFILMENT');
    }
    return outcomeOf(await finish(tx, deps, fresh, now, null));
  });
}

const outcomeOf = (finished: Result<Fulfilled, DeliveryError>): Result<DeliveryOutcome, DeliveryError> => (finished.ok ? ok(finished.value.outcome) : finished);

/** What a "fulfilled" did, and the order as it is now. */
export interface Fulfilled {
  outcome: DeliveryOutcome;
  order: OrderState;
}

/** Admin's "fulfilled" for an order with manual lines: delivers whatever automatic part is left, then closes it out. */
export async function fulfilOrder(deps: OrderingDeps, orderNo: string, note: string | null): Promise<Result<DeliveryOutcome, DeliveryError>> {
  const state = await deps.uow.read((tx) => tx.orders.findByNo(orderNo));
  if (!state) return fail('ORDER_NOT_FOUND', `no order ${orderNo}`);
  return outcomeOf(await fulfilPaid(deps, state, note));
}

/**
 * The "fulfilled" of an order read just before (the admin's, or its seller's): webhooks outside the transaction,
 * then the claim (a conditional update: a second press or a refund racing it finds the order no longer PAID), the
 * automatic lines and DELIVER in one.
 */
export async function fulfilPaid(deps: OrderingDeps, state: OrderState, note: string | null): Promise<Result<Fulfilled, DeliveryError>> {
  const orderNo = state.orderNo;
  if (state.status !== 'PAID') return fail('ORDER_NOT_FULFILLABLE', `order ${orderNo} is ${state.status}, not PAID`);
  const webhookFailure = await callWebhooks(deps, state);
  if (webhookFailure !== null) {
    const recorded = await recordFailure(deps, state, webhookFailure);
    return recorded.ok ? ok({ outcome: recorded.value, order: state }) : recorded;
  }
  return deps.uow.run(async (tx) => {
    const now = deps.clock.now();
    const claim = transition(state, { type: 'CLAIM_DELIVERY' });
    const claimed = claim.ok && (await tx.orders.applyTransition(claim.value));
    const fresh = await tx.orders.findByNo(orderNo);
    if (!claimed || !fresh) return fail('ORDER_NOT_FULFILLABLE', `order ${orderNo} is ${fresh?.status ?? 'gone'}, not PAID`);
    await deliverAutomaticLines(tx, fresh, now, deps.limits.currency);
    return finish(tx, deps, fresh, now, note);
  });
}

async function callWebhooks(deps: OrderingDeps, state: OrderState): Promise<string | null> {
  for (const line of state.lines) {
    if (line.kind !== 'webhook' || !line.webhookUrl) continue;
    const sent = await deps.webhook.send({
      url: line.webhookUrl,
      idempotencyKey: `${state.orderNo}:${line.lineNo}`,
      orderNo: state.orderNo,
      lineNo: line.lineNo,
      sku: line.sku,
      quantity: line.quantity,
      userId: state.userId,
      paidAt: (state.paidAt ?? state.createdAt).toISOString(),
    });
    if (!sent.ok) return `webhook for line ${line.lineNo}: ${sent.error.message}`;
  }
  return null;
}

/**
 * A credit pack's credit is in the shop's currency whatever paid for it: a pack bought with Telegram Stars (an XTR
 * order) tops up the same balance as one bought by QR code.
 */
async function deliverAutomaticLines(tx: OrderingTx, state: OrderState, now: Date, shopCurrency: string): Promise<void> {
  for (const line of state.lines) {
    if (line.kind !== 'credit' || line.creditAmount === null) continue;
    // DUPLICATE_REFERENCE means an earlier attempt already credited this line: exactly once by the unique key.
    await tx.accounts.post({
      userId: state.userId,
      amount: timesMinor(line.creditAmount, line.quantity),
      currency: shopCurrency,
      kind: 'TOP_UP',
      reason: `${line.title} ×${line.quantity} (order ${state.orderNo})`,
      reference: `order:${state.orderNo}:line:${line.lineNo}`,
      at: now,
    });
  }
  if (state.lines.some((l) => l.kind === 'code')) await tx.codes.markDeliveredForOrder(state.orderNo, now);
}

async function finish(
  tx: OrderingTx,
  deps: Pick<OrderingDeps, 'limits'>,
  state: OrderState,
  now: Date,
  note: string | null,
): Promise<Result<Fulfilled, DeliveryError>> {
  const delivered = transition(state, { type: 'DELIVER', at: now, note });
  if (!delivered.ok) return delivered;
  if (!(await tx.orders.applyTransition(delivered.value))) return ok({ outcome: 'ALREADY_DELIVERED', order: state });
  await creditCompletedSale(tx, deps.limits, state, now);
  await tx.outbox.enqueue([shopperNotice({ userId: state.userId, event: 'ORDER_DELIVERED', orderNo: state.orderNo }, state.orderNo)], now);
  return ok({ outcome: 'DELIVERED', order: afterTransition(state, delivered.value) });
}

async function recordFailure(deps: OrderingDeps, state: OrderState, error: string): Promise<Result<DeliveryOutcome, DeliveryError>> {
  return deps.uow.run(async (tx) => {
    const now = deps.clock.now();
    const stuck = state.deliveryAttempts + 1 >= deps.limits.maxDeliveryAttempts;
    const failed = transition(state, { type: 'DELIVERY_FAILED', at: now, error });
    if (failed.ok) await tx.orders.applyTransition(failed.value);
    if (stuck) await tx.outbox.enqueue([adminNotice({ event: 'DELIVERY_STUCK', orderNo: state.orderNo, detail: error.slice(0, 200) }, state.orderNo)], now);
    return ok<DeliveryOutcome>(stuck ? 'STUCK' : 'RETRY_SCHEDULED');
  });
}
