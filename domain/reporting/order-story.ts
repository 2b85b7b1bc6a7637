import { StoredCode } from '../catalog';
import { OrderState } from '../ordering';
import { PaymentRecord, RefundRecord } from '../payment';
import { DomainError, Result, fail, ok } from '../shared/result';
import { ReportingDeps } from './reporting-deps';

export interface OrderStoryEvent {
  at: Date;
  what: string;
}

/** Everything an admin needs to understand one order: its state, the money, the delivery, in time order. */
export interface OrderStory {
  order: OrderState;
  payments: PaymentRecord[];
  refunds: RefundRecord[];
  codes: StoredCode[];
  events: OrderStoryEvent[];
}

export async function orderStory(deps: ReportingDeps, orderNo: string): Promise<Result<OrderStory, DomainError<'ORDER_NOT_FOUND'>>> {
  return deps.uow.read(async (tx) => {
    const order = await tx.orders.findByNo(orderNo);
    if (!order) return fail('ORDER_NOT_FOUND', `no order ${orderNo}`);
    // A checkout's seller order was paid by the checkout's one payment.
    const payments = await tx.payments.findByOrder(order.checkoutNo ?? orderNo);
    const refunds = await tx.refunds.findByOrder(orderNo);
    const codes = order.lines.some((l) => l.kind === 'code') ? await tx.codes.listForOrder(orderNo) : [];
    const events: OrderStoryEvent[] = [{ at: order.createdAt, what: `placed (${order.paymentMethod}), pay by ${order.expiresAt.toISOString()}` }];
    for (const p of payments) {
      events.push({ at: p.createdAt, what: `payment ${p.outTradeNo} opened at ${p.provider}` });
      if (p.paidAt) events.push({ at: p.paidAt, what: `paid ${p.amount} ${p.currency} (${p.provider} ${p.transactionId ?? ''})`.trim() });
    }
    if (order.deliveryAttempts > 0)
      events.push({
        at: order.nextDeliveryAt ?? order.paidAt ?? order.createdAt,
        what: `delivery failed ${order.deliveryAttempts}× — last: ${order.lastDeliveryError ?? '?'}`,
      });
    if (order.deliveredAt) events.push({ at: order.deliveredAt, what: `delivered${order.fulfilmentNote ? `: ${order.fulfilmentNote}` : ''}` });
    if (order.closedAt) events.push({ at: order.closedAt, what: `closed: ${order.closeReason ?? ''}` });
    for (const r of refunds) {
      const asked =
        r.kind === 'DUPLICATE_PAYMENT'
          ? `paid a second time (${r.transactionId ?? '?'}, ${r.amount} ${r.currency}): refund ${r.outRefundNo} of it asked`
          : `refund ${r.outRefundNo} of ${r.amount} asked (${r.reason})`;
      events.push({ at: r.createdAt, what: asked });
      if (r.completedAt)
        events.push({ at: r.completedAt, what: `refund ${r.outRefundNo} ${r.status === 'SUCCEEDED' ? 'succeeded' : `failed: ${r.lastError ?? ''}`}` });
    }
    events.sort((a, b) => a.at.getTime() - b.at.getTime());
    return ok({ order, payments, refunds, codes, events });
  });
}
