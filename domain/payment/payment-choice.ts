import { PaymentExceptions, PaymentMethod } from '../ordering';

/** What decides how a product may be paid for. */
export interface PaidProduct {
  sku: string;
  kind: string;
  /** Sold for Telegram Stars only when it has a Stars price (absent: not). */
  starsPrice?: number | null;
}

/**
 * The shop's enabled methods (in its order) that every one of these products may be paid by: a credit pack never
 * by credit, Stars only for products with a Stars price, a product with an exception only by its methods. Placement enforces the same (`price-lines.ts`); this
 * is for showing only the choices that will work.
 */
export function methodsForProducts(enabled: readonly PaymentMethod[], exceptions: PaymentExceptions, products: readonly PaidProduct[]): PaymentMethod[] {
  return enabled.filter((method) =>
    products.every((p) => {
      if (p.kind === 'credit' && method === 'credit') return false;
      if (method === 'stars' && (p.starsPrice === undefined || p.starsPrice === null)) return false;
      const only = Object.hasOwn(exceptions, p.sku) ? exceptions[p.sku] : undefined;
      return only === undefined || only.includes(method);
    }),
  );
}
