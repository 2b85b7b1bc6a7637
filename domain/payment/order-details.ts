import { StoredCode } from '../catalog';
import { OrderState } from '../ordering';
import { DomainError, Result, fail, ok } from '../shared/result';
import { PaymentDeps } from './payment-deps';
import { PaymentRecord } from './payment-record';

export interface OrderDetails {
  order: OrderState;
  payments: PaymentRecord[];
  /** Codes handed over (only once delivered: reserved codes are not shown to the shopper). */
  deliveredCodes: StoredCode[];
}

/** An order with what was paid for it and what it handed over. A shopper sees their own orders; an admin (viewer null) any. A stranger gets "not found", never "forbidden". */
export async function getOrder(
  deps: Pick<PaymentDeps, 'uow'>,
  orderNo: string,
  viewer: string | null,
): Promise<Result<OrderDetails, DomainError<'ORDER_NOT_FOUND'>>> {
  return deps.uow.read(async (tx) => {
    const order = await tx.orders.findByNo(orderNo);
    if (!order || (viewer !== null && order.userId !== viewer)) return fail('ORDER_NOT_FOUND', `no order ${orderNo}`);
    // A checkout's seller order shows the checkout's one payment (it paid for this order too).
    const payments = await tx.payments.findByOrder(order.checkoutNo ?? orderNo);
    const codes = order.lines.some((l) => l.kind === 'code') ? await tx.codes.listForOrder(orderNo) : [];
    return ok({ order, payments, deliveredCodes: codes.filter((c) => c.status === 'DELIVERED') });
  });
}
