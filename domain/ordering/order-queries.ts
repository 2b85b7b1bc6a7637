import { StoredCode } from '../catalog/code-pool-repository';
import { DomainError, Result, fail, ok } from '../shared/result';
import { ShopDeps } from '../shared/shop-deps';
import { ORDER_STATUSES, OrderState, OrderStatus } from './order-types';
import { ValidationError, invalid, positiveInt } from '../shared/validation';
import { PaymentRecord } from '../payment/payment-record';

export interface OrderDetails {
  order: OrderState;
  payments: PaymentRecord[];
  /** Codes handed over (only once delivered: reserved codes are not shown to the shopper). */
  deliveredCodes: StoredCode[];
}

/** A shopper sees their own orders; an admin (viewer null) sees any. A stranger gets "not found", never "forbidden". */
export async function getOrder(deps: ShopDeps, orderNo: string, viewer: string | null): Promise<Result<OrderDetails, DomainError<'ORDER_NOT_FOUND'>>> {
  return deps.uow.run(async (tx) => {
    const order = await tx.orders.findByNo(orderNo);
    if (!order || (viewer !== null && order.userId !== viewer)) return fail('ORDER_NOT_FOUND', `no order ${orderNo}`);
    const payments = await tx.payments.findByOrder(orderNo);
    const codes = order.lines.some((l) => l.kind === 'code') ? await tx.codes.listForOrder(orderNo) : [];
    return ok({ order, payments, deliveredCodes: codes.filter((c) => c.status === 'DELIVERED') });
  });
}

export async function listMyOrders(deps: ShopDeps, shopperId: string, limit = 50): Promise<OrderState[]> {
  const page = await deps.uow.run((tx) => tx.orders.list({ userId: shopperId, limit, offset: 0 }));
  return page.items;
}

export async function listOrders(
  deps: ShopDeps,
  query: { status?: unknown; page?: unknown; pageSize?: unknown },
): Promise<Result<{ items: OrderState[]; total: number }, ValidationError>> {
  let status: OrderStatus | undefined;
  if (query.status !== undefined && query.status !== '') {
    if (typeof query.status !== 'string' || !(ORDER_STATUSES as readonly string[]).includes(query.status))
      return invalid('status', `must be one of ${ORDER_STATUSES.join(', ')}`);
    status = query.status as OrderStatus;
  }
  const page = positiveInt('page', query.page ?? 1, 1_000_000);
  if (!page.ok) return page;
  const pageSize = positiveInt('pageSize', query.pageSize ?? 50, 200);
  if (!pageSize.ok) return pageSize;
  return ok(await deps.uow.run((tx) => tx.orders.list({ status, limit: pageSize.value, offset: (page.value - 1) * pageSize.value })));
}
