import { CheckoutState, OrderState } from '../ordering';
import { DomainError, Result, fail, ok } from '../shared/result';
import { PaymentDeps } from './payment-deps';
import { PaymentRecord } from './payment-record';
import { RefundRecord } from './refund-record';

export interface CheckoutDetails {
  checkout: CheckoutState;
  /** One per seller. */
  orders: OrderState[];
  /** The checkout's one payment (null: not opened yet). */
  payment: PaymentRecord | null;
  /** Refunds of its seller orders (each a part of the one payment). */
  refunds: RefundRecord[];
}

/** A checkout with its seller orders, its payment and refunds. Its shopper sees it; an admin (viewer null) any; anyone else: not found. */
export async function getCheckout(
  deps: Pick<PaymentDeps, 'uow'>,
  checkoutNo: string,
  viewer: string | null,
): Promise<Result<CheckoutDetails, DomainError<'NOT_FOUND'>>> {
  return deps.uow.read(async (tx) => {
    const checkout = await tx.checkouts.findByNo(checkoutNo);
    if (!checkout || (viewer !== null && checkout.userId !== viewer)) return fail('NOT_FOUND', `no checkout ${checkoutNo}`);
    const orders = await tx.orders.findByCheckout(checkoutNo);
    const payment = await tx.payments.findByOutTradeNo(checkoutNo);
    const refunds = (await Promise.all(orders.map((o) => tx.refunds.findByOrder(o.orderNo)))).flat();
    return ok({ checkout, orders, payment, refunds });
  });
}
