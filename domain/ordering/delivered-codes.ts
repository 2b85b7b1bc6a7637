import { OrderingDeps } from './ordering-deps';
import { OrderState } from './order-types';

/**
 * The codes handed over for each of these orders (an order list shows them, not only the single-order view), in one
 * read. Only delivered orders with code lines are asked about; the others have none to show.
 */
export async function deliveredCodesFor(deps: Pick<OrderingDeps, 'uow'>, orders: readonly OrderState[]): Promise<Map<string, string[]>> {
  const asked = orders.filter((o) => o.deliveredAt !== null && o.lines.some((l) => l.kind === 'code')).map((o) => o.orderNo);
  const byOrder = new Map<string, string[]>();
  if (asked.length === 0) return byOrder;
  const codes = await deps.uow.read((tx) => tx.codes.listDeliveredForOrders(asked));
  for (const code of codes) {
    if (code.orderNo === null) continue;
    byOrder.set(code.orderNo, [...(byOrder.get(code.orderNo) ?? []), code.code]);
  }
  return byOrder;
}
