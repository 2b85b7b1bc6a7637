import { sellerNotice, shopperNotice } from '../messaging';
import { DomainError, Result, fail, ok } from '../shared/result';
import { ValidationError, invalid, text } from '../shared/validation';
import { PageQuery, pageOf, pageWindow } from '../shared/paging';
import { OrderPage } from './order-queries';
import { creditCompletedSale } from './complete-sale';
import { DeliveryError, Fulfilled, deliveryOf, fulfilPaid } from './deliver-order';
import { Order } from './order';
import { ORDER_STATUSES, OrderState, OrderStatus } from './order-types';
import { afterTransition, transition } from './order-state-machine';
import { OrderingDeps, OrderingTx } from './ordering-deps';

export type SellerOrderError = DomainError<'ORDER_NOT_FOUND' | 'ORDER_NOT_CONFIRMABLE' | 'ORDER_NOT_SHIPPABLE' | 'ORDER_NOT_RECEIVABLE'>;

/** Days a shipped order may take beyond its option's estimate before it completes by itself. */
export const RECEIPT_GRACE_DAYS = 7;
const DAY_MS = 24 * 3_600_000;

/** The order, if it is this seller's (another seller's number, guessed or forged, is "not found": nothing changes). */
async function sellersOwn(tx: Pick<OrderingTx, 'orders'>, sellerId: number, orderNo: string): Promise<OrderState | null> {
  const state = await tx.orders.findByNo(orderNo);
  return state && state.sellerId === sellerId && state.checkoutNo !== null ? state : null;
}

/** The seller accepts a paid order that waits for them: its digital goods are delivered now, physical ones wait to be shipped. */
export async function confirmSellerOrder(deps: OrderingDeps, sellerId: number, orderNo: string): Promise<Result<OrderState, SellerOrderError>> {
  return deps.uow.run(async (tx): Promise<Result<OrderState, SellerOrderError>> => {
    const state = await sellersOwn(tx, sellerId, orderNo);
    if (!state) return fail('ORDER_NOT_FOUND', `no order ${orderNo}`);
    const now = deps.clock.now();
    const confirmed = transition(state, { type: 'SELLER_CONFIRM', at: now });
    if (!confirmed.ok) return confirmed;
    // The window job may be cancelling it this very moment: the conditional update decides who won.
    if (!(await tx.orders.applyTransition(confirmed.value))) return fail('ORDER_NOT_CONFIRMABLE', `order ${orderNo} is no longer waiting for its seller`);
    const shop = (await tx.sellers.findById(sellerId))?.shopName ?? '';
    await tx.outbox.enqueue(
      [deliveryOf(orderNo), shopperNotice({ userId: state.userId, event: 'SELLER_ORDER_CONFIRMED', orderNo, detail: shop }, orderNo)],
      now,
    );
    return ok(afterTransition(state, confirmed.value));
  });
}

/**
 * The seller's "fulfilled" for their own confirmed order with goods a person hands over (kind `manual`): the rest is
 * delivered and the order completes (credited to them) in one transaction. Another seller's order is not found; an
 * order with physical goods completes by its shipment and receipt instead, so it is not fulfilled here.
 */
export async function fulfilSellerOrder(
  deps: OrderingDeps,
  sellerId: number,
  orderNo: string,
  note: unknown,
): Promise<Result<Fulfilled, DeliveryError | ValidationError>> {
  let words: string | null = null;
  if (note !== undefined && note !== null && note !== '') {
    const checked = text('note', note, 1, 500);
    if (!checked.ok) return checked;
    words = checked.value;
  }
  const state = await deps.uow.read((tx) => sellersOwn(tx, sellerId, orderNo));
  if (!state) return fail('ORDER_NOT_FOUND', `no order ${orderNo}`);
  const order = Order.restore(state);
  if (!order.hasManualLines() || order.hasPhysicalLines())
    return fail('ORDER_NOT_FULFILLABLE', `order ${orderNo} has no goods for a person to hand over (physical goods: ship it)`);
  return fulfilPaid(deps, state, words);
}

export interface ShipCommand {
  carrier: unknown;
  trackingNo: unknown;
}

/** The seller sent a confirmed physical order: carrier and tracking number; it completes by itself after the option's days + grace. */
export async function shipSellerOrder(
  deps: OrderingDeps,
  sellerId: number,
  orderNo: string,
  cmd: ShipCommand,
): Promise<Result<OrderState, SellerOrderError | ValidationError>> {
  const carrier = text('carrier', cmd.carrier, 1, 64);
  if (!carrier.ok) return carrier;
  const trackingNo = text('trackingNo', cmd.trackingNo, 1, 64);
  if (!trackingNo.ok) return trackingNo;
  return deps.uow.run(async (tx): Promise<Result<OrderState, SellerOrderError | ValidationError>> => {
    const state = await sellersOwn(tx, sellerId, orderNo);
    if (!state) return fail('ORDER_NOT_FOUND', `no order ${orderNo}`);
    const now = deps.clock.now();
    const days = (state.delivery?.estimatedDays ?? 0) + RECEIPT_GRACE_DAYS;
    const shipped = transition(state, {
      type: 'SHIP',
      at: now,
      carrier: carrier.value,
      trackingNo: trackingNo.value,
      receiveBy: new Date(now.getTime() + days * DAY_MS),
    });
    if (!shipped.ok) return shipped;
    if (!(await tx.orders.applyTransition(shipped.value))) return fail('ORDER_NOT_SHIPPABLE', `order ${orderNo} changed; look at it again`);
    const detail = `${carrier.value} ${trackingNo.value}`;
    await tx.outbox.enqueue([shopperNotice({ userId: state.userId, event: 'ORDER_SHIPPED', orderNo, detail }, orderNo)], now);
    return ok(afterTransition(state, shipped.value));
  });
}

/** Shipped → delivered (the shopper's receipt, or the job after receive-by), crediting the seller in the same transaction. */
async function receiveInTx(tx: OrderingTx, deps: OrderingDeps, state: OrderState): Promise<Result<OrderState, SellerOrderError>> {
  const now = deps.clock.now();
  const received = transition(state, { type: 'RECEIVE', at: now });
  if (!received.ok) return received;
  if (!(await tx.orders.applyTransition(received.value))) return fail('ORDER_NOT_RECEIVABLE', `order ${state.orderNo} is no longer shipped`);
  await creditCompletedSale(tx, deps.limits, state, now);
  await tx.outbox.enqueue(
    [
      shopperNotice({ userId: state.userId, event: 'ORDER_COMPLETED', orderNo: state.orderNo }, state.orderNo),
      sellerNotice({ sellerId: state.sellerId, event: 'ORDER_RECEIVED', orderNo: state.orderNo, amount: state.totalAmount }, state.orderNo),
    ],
    now,
  );
  return ok(afterTransition(state, received.value));
}

/** The shopper confirms they received a shipped order. */
export async function confirmReceipt(deps: OrderingDeps, shopperId: string, orderNo: string): Promise<Result<OrderState, SellerOrderError>> {
  return deps.uow.run(async (tx) => {
    const state = await tx.orders.findByNo(orderNo);
    if (!state || state.userId !== shopperId) return fail('ORDER_NOT_FOUND', `no order ${orderNo}`);
    return receiveInTx(tx, deps, state);
  });
}

/** The job: shipped orders past their receive-by time complete by themselves. */
export async function completeShippedOrders(deps: OrderingDeps, batch: number): Promise<{ due: number; completed: number; skipped: number }> {
  const due = await deps.uow.read((tx) => tx.orders.findReceiveOverdue(deps.clock.now(), batch));
  const report = { due: due.length, completed: 0, skipped: 0 };
  for (const order of due) {
    const done = await deps.uow.run((tx) => receiveInTx(tx, deps, order));
    if (done.ok) report.completed += 1;
    else report.skipped += 1;
  }
  return report;
}

/** A seller's orders (paid onwards), newest first; `status` narrows it. */
export async function listSellerOrders(
  deps: OrderingDeps,
  sellerId: number,
  query: PageQuery & { status?: unknown },
): Promise<Result<OrderPage, ValidationError>> {
  let status: OrderStatus | undefined;
  if (query.status !== undefined && query.status !== '') {
    const named = ORDER_STATUSES.find((s) => s === query.status);
    if (named === undefined) return invalid('status', `must be one of ${ORDER_STATUSES.join(', ')}`);
    status = named;
  }
  const window = pageWindow(query, { default: 20, max: 100 });
  if (!window.ok) return window;
  const found = await deps.uow.read((tx) =>
    tx.orders.listBySeller(sellerId, { ...(status !== undefined ? { status } : {}), limit: window.value.limit, offset: window.value.offset }),
  );
  return ok(pageOf(window.value, found));
}

/** One of the seller's orders (404 for anyone else's). */
export async function getSellerOrder(deps: OrderingDeps, sellerId: number, orderNo: string): Promise<Result<OrderState, DomainError<'ORDER_NOT_FOUND'>>> {
  const state = await deps.uow.read((tx) => sellersOwn(tx, sellerId, orderNo));
  return state ? ok(state) : fail('ORDER_NOT_FOUND', `no order ${orderNo}`);
}
