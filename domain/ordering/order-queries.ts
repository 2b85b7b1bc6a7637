import { Result, ok } from '../shared/result';
import { ValidationError, invalid, positiveInt } from '../shared/validation';
import { OrderingDeps } from './ordering-deps';
import { ORDER_STATUSES, OrderState, OrderStatus } from './order-types';

export async function listMyOrders(deps: OrderingDeps, shopperId: string, limit = 50): Promise<OrderState[]> {
  const page = await deps.uow.read((tx) => tx.orders.list({ userId: shopperId, limit, offset: 0 }));
  return page.items;
}

export async function listOrders(
  deps: OrderingDeps,
  query: { status?: unknown; page?: unknown; pageSize?: unknown },
): Promise<Result<{ items: OrderState[]; total: number }, ValidationError>> {
  let status: OrderStatus | undefined;
  if (query.status !== undefined && query.status !== '') {
    const named = ORDER_STATUSES.find((s) => s === query.status);
    if (named === undefined) return invalid('status', `must be one of ${ORDER_STATUSES.join(', ')}`);
    status = named;
  }
  const page = positiveInt('page', query.page ?? 1, 1_000_000);
  if (!page.ok) return page;
  const pageSize = positiveInt('pageSize', query.pageSize ?? 50, 200);
  if (!pageSize.ok) return pageSize;
  return ok(await deps.uow.read((tx) => tx.orders.list({ status, limit: pageSize.value, offset: (page.value - 1) * pageSize.value })));
}
