import { defineTopic, OutboxEntry } from '../shared/outbox/topic';

/** A product that was sold out has stock again (codes uploaded, stock raised); whoever waits for it is told. */
export interface StockBack {
  productId: number;
}

export const stockBackTopic = defineTopic<StockBack>('catalog.stock-back', (p) => {
  const productId = p.productId;
  return typeof productId === 'number' && Number.isSafeInteger(productId) && productId > 0 ? { productId } : null;
});

/** Queued in the transaction that raised the stock from zero; the moment and the new stock tell one return from the next. */
export const stockBackOf = (productId: number, at: Date, stock: number | null): OutboxEntry =>
  stockBackTopic.message({ productId }, `stock-back:${productId}:${at.getTime()}:${stock ?? 'unlimited'}`);
