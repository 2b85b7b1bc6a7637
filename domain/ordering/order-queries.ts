import { Page, PageQuery, pageOf, pageWindow } from '../shared/paging';
import { Result, ok } from '../shared/result';
import { ValidationError, invalid } from '../shared/validation';
import { OrderingDeps } from './ordering-deps';
import { ORDER_STATUSES, OrderState, OrderStatus } from './order-types';

export type OrderPage = Page<OrderState>;

/** A shopper's own orders, newest first. */
export async function listMyOrders(deps: OrderingDeps, shopperId: string, query: PageQuery = {}): Promise<Result<OrderPage, ValidationError>> {
  const window = pageWindow(query, { default: 20, max: 100 });
  if (!window.ok) return window;
  const found = await deps.uow.read((repos) => repos.orders.list({ userId: shopperId, limit: window.value.limit, offset: window.value.offset }));
  return ok(pageOf(window.value, found));
}

/** Every order (admins), newest first, optionally of one status. */
export async function listOrders(deps: OrderingDeps, query: PageQuery & { status?: unknown }): Promise<Result<OrderPage, ValidationError>> {
  let status: OrderStatus | undefined;
  if (query.status !== undefined && query.status !== '') {
    const named = ORDER_STATUSES.find((s) => s === query.status);
    if (named === undefined) return invalid('status', `must be one of ${ORDER_STATUSES.join(', ')}`);
    status = named;
  }
  const window = pageWindow(query, { default: 50, max: 200 });
  if (!window.ok) return window;
  const found = await deps.uow.read((repos) => repos.orders.list({ status, limit: window.value.limit, offset: window.value.offset }));
  return ok(pageOf(window.value, found));
}
