import { CatalogTx } from '../catalog';
import { OrderLine } from './order-types';

/**
 * Reserves every line or nothing: conditional decrements in product-id order (a fixed lock order, so two orders for
 * the same products cannot deadlock), and for code products the codes themselves, bound to the order.
 * Returns the first line that could not be had; the caller rolls the transaction back.
 */
export async function reserveLines(tx: CatalogTx, orderNo: string, lines: OrderLine[], now: Date): Promise<OrderLine | null> {
  const ordered = [...lines].sort((a, b) => a.productId - b.productId);
  for (const line of ordered) {
    if (!(await tx.products.reserveStock(line.productId, line.quantity))) return line;
    if (line.kind === 'code') {
      const bound = await tx.codes.reserve(line.productId, orderNo, line.quantity, now);
      if (bound < line.quantity) return line;
    }
  }
  return null;
}

/** Gives an order's stock and codes back (closing an unpaid order). */
export async function releaseLines(tx: CatalogTx, orderNo: string, lines: OrderLine[]): Promise<void> {
  const released = new Map((await tx.codes.releaseForOrder(orderNo)).map((r) => [r.productId, r.count]));
  const ordered = [...lines].sort((a, b) => a.productId - b.productId);
  for (const line of ordered) {
    const quantity = line.kind === 'code' ? (released.get(line.productId) ?? 0) : line.quantity;
    if (quantity > 0) await tx.products.releaseStock(line.productId, quantity);
  }
}
