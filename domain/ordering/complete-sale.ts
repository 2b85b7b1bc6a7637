import { creditSale } from '../sellers';
import { ShopLimits } from '../shared/limits';
import { OrderState } from './order-types';
import { OrderingTx } from './ordering-deps';

/**
 * A checkout's seller order is complete (delivered, or received): its seller is credited its amount less the
 * commission, in the completing transaction and once (the seller ledger's unique key). An order of its own (no
 * checkout) is the house's sale paid straight to the shop, as before sellers existed: nothing to credit.
 */
export async function creditCompletedSale(tx: OrderingTx, limits: ShopLimits, order: OrderState, now: Date): Promise<void> {
  if (order.checkoutNo === null) return;
  await creditSale(
    tx,
    { sellerId: order.sellerId, orderNo: order.orderNo, grossMinor: order.totalAmount - order.refundedAmount, currency: order.currency, at: now },
    limits,
  );
}
