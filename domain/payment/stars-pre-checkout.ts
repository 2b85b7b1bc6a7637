import { onShelf } from '../catalog';
import { STARS_CURRENCY, isPayable } from '../ordering';
import { DomainError, Result, fail, ok } from '../shared/result';
import { PaymentDeps } from './payment-deps';

/** What Telegram's `pre_checkout_query` asks: may this shopper pay this much for the invoice with our order number. */
export interface StarsPreCheckout {
  /** The invoice payload: our order number. */
  orderNo: string;
  /** The Telegram user about to pay (`from.id`). */
  shopperId: string;
  currency: string;
  totalAmount: number;
}

export type StarsPreCheckoutError = DomainError<'ORDER_NOT_FOUND' | 'ORDER_CLOSED' | 'ORDER_NOT_PAYABLE' | 'PRICE_CHANGED' | 'OUT_OF_STOCK'>;

/**
 * The last word before Telegram takes the stars (it waits at most 10 s for it): yes only while the order is still
 * open and unpaid within its pay window, priced as the invoice says in XTR, its products still sold for Stars at that
 * price, and its codes still bound to it. One read, no transaction: nothing changes here. An order closed after this
 * yes is still paid for: that money is refunded (`confirm-provider-trade.ts`, the provider's `latePayments`).
 */
export async function approveStarsPreCheckout(deps: PaymentDeps, ask: StarsPreCheckout): Promise<Result<{ orderNo: string }, StarsPreCheckoutError>> {
  const now = deps.clock.now();
  return deps.uow.read(async (tx): Promise<Result<{ orderNo: string }, StarsPreCheckoutError>> => {
    const order = await tx.orders.findByNo(ask.orderNo);
    // An invoice link can be forwarded: only the order's own shopper pays for it (a refund goes back to that user).
    if (!order || order.userId !== ask.shopperId || order.paymentMethod !== 'stars')
      return fail('ORDER_NOT_FOUND', `no Stars order ${ask.orderNo} of this shopper`);
    if (order.status === 'CLOSED') return fail('ORDER_CLOSED', `order ${order.orderNo} is closed`);
    if (!isPayable(order, now)) return fail('ORDER_NOT_PAYABLE', `order ${order.orderNo} is ${order.status} and cannot be paid now`);
    if (ask.currency !== STARS_CURRENCY || order.currency !== STARS_CURRENCY || ask.totalAmount !== order.totalAmount)
      return fail('PRICE_CHANGED', `order ${order.orderNo} costs ${order.totalAmount} ${order.currency}, the invoice says ${ask.totalAmount} ${ask.currency}`);
    const products = new Map((await tx.products.findManyByIds(order.lines.map((l) => l.productId))).map((p) => [p.id, p]));
    for (const line of order.lines) {
      const product = products.get(line.productId);
      if (!product || !onShelf(product)) return fail('OUT_OF_STOCK', `${line.title} is no longer sold`, { productId: line.productId });
      if (product.starsPrice !== line.unitPrice)
        return fail('PRICE_CHANGED', `${line.title} now costs ${product.starsPrice ?? 'no'} stars, the order says ${line.unitPrice}`, {
          productId: line.productId,
        });
    }
    const codeLines = order.lines.filter((l) => l.kind === 'code');
    if (codeLines.length > 0) {
      const held = await tx.codes.listForOrder(order.orderNo);
      for (const line of codeLines) {
        const bound = held.filter((c) => c.productId === line.productId && c.status === 'RESERVED').length;
        if (bound < line.quantity)
          return fail('OUT_OF_STOCK', `the codes of ${line.title} are no longer held for order ${order.orderNo}`, { productId: line.productId });
      }
    }
    return ok({ orderNo: order.orderNo });
  });
}
