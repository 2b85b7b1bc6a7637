import { OrderState } from '../ordering';
import { RefundRecord } from '../payment';
import { Page, PageQuery, pageOf, pageWindow } from '../shared/paging';
import { Result, ok } from '../shared/result';
import { ValidationError, positiveInt } from '../shared/validation';
import { ReportingDeps } from './reporting-deps';

/**
 * Why an order is on the list — what the repairs (retry-deliveries, close-expired-orders, sync-refunds) have not
 * moved on yet, and what an admin can do about it:
 * - REFUND_STUCK: a refund still PROCESSING at the provider (sync-refunds keeps asking; check the merchant console);
 * - DELIVERY_STUCK: delivery failed `maxDeliveryAttempts` times (still retried, rarely; fix the cause or refund);
 * - DELIVERY_FAILING: delivery failed and is retried with backoff (see the error);
 * - AWAITING_FULFILMENT: a manual line waits for an admin to fulfil it;
 * - NOT_DELIVERED: paid, due, never tried (the outbox pump or the job is not running);
 * - NOT_CLOSED: its pay window is long over but it is still unpaid (closing at the provider keeps failing).
 */
export const STUCK_REASONS = ['REFUND_STUCK', 'DELIVERY_STUCK', 'DELIVERY_FAILING', 'AWAITING_FULFILMENT', 'NOT_DELIVERED', 'NOT_CLOSED'] as const;
export type StuckReason = (typeof STUCK_REASONS)[number];

export interface StuckOrder {
  order: OrderState;
  reason: StuckReason;
  /** Since when it waits: the refund's start, the payment, or the end of the pay window. */
  since: Date;
  /** The last error the repair saw, when there is one. */
  detail: string | null;
  /** The refund that is stuck (REFUND_STUCK only). */
  refund: RefundRecord | null;
}

export interface StuckOrdersQuery extends PageQuery {
  /** How long an order may wait before it counts as stuck, in minutes (default 15). */
  olderThanMinutes?: unknown;
}

export const DEFAULT_STUCK_AFTER_MINUTES = 15;
const MAX_STUCK_AFTER_MINUTES = 60 * 24 * 30;

function stuckReason(order: OrderState, maxDeliveryAttempts: number): StuckReason {
  if (order.status !== 'PAID') return 'NOT_CLOSED';
  if (order.deliveryAttempts >= maxDeliveryAttempts) return 'DELIVERY_STUCK';
  if (order.lastDeliveryError !== null) return 'DELIVERY_FAILING';
  // Waiting for an admin parks the order with no next attempt (AWAIT_FULFILMENT); a due one has one.
  return order.nextDeliveryAt === null ? 'AWAITING_FULFILMENT' : 'NOT_DELIVERED';
}

const fromOrder = (order: OrderState, maxDeliveryAttempts: number): StuckOrder => {
  const reason = stuckReason(order, maxDeliveryAttempts);
  return {
    order,
    reason,
    since: reason === 'NOT_CLOSED' ? order.expiresAt : (order.paidAt ?? order.createdAt),
    detail: order.lastDeliveryError,
    refund: null,
  };
};

/**
 * Orders waiting longer than they should, longest first within each kind: stuck refunds first (money owed back),
 * then orders paid and not delivered, then unpaid orders never closed. A plain read: no transaction.
 */
export async function stuckOrders(deps: ReportingDeps, query: StuckOrdersQuery): Promise<Result<Page<StuckOrder>, ValidationError>> {
  const minutes = positiveInt('olderThanMinutes', query.olderThanMinutes ?? DEFAULT_STUCK_AFTER_MINUTES, MAX_STUCK_AFTER_MINUTES);
  if (!minutes.ok) return minutes;
  const window = pageWindow(query, { default: 20, max: 100 });
  if (!window.ok) return window;
  const { offset, limit } = window.value;
  const before = new Date(deps.clock.now().getTime() - minutes.value * 60_000);
  const maxAttempts = deps.limits.maxDeliveryAttempts;

  const found = await deps.uow.read(async (repos) => {
    // One list over two sources: refunds fill the first `refunds.total` places, orders the rest.
    const refunds = await repos.refunds.listStuck(before, limit, offset);
    const fromRefunds: StuckOrder[] = [];
    for (const refund of refunds.items) {
      const order = await repos.orders.findByNo(refund.orderNo);
      if (order) fromRefunds.push({ order, reason: 'REFUND_STUCK', since: refund.createdAt, detail: refund.lastError, refund });
    }
    const room = limit - refunds.items.length;
    const orders = await repos.orders.listStuck({
      paidBefore: before,
      expiredBefore: before,
      limit: Math.max(1, room),
      offset: Math.max(0, offset - refunds.total),
    });
    const fromOrders = room > 0 ? orders.items.slice(0, room).map((o) => fromOrder(o, maxAttempts)) : [];
    return { items: [...fromRefunds, ...fromOrders], total: refunds.total + orders.total };
  });
  return ok(pageOf(window.value, found));
}
