import { Minor, Price } from '../shared/money';

export const PRODUCT_KINDS = ['credit', 'code', 'manual', 'webhook', 'physical'] as const;
export type ProductKind = (typeof PRODUCT_KINDS)[number];

/** Everything an admin sets on a product; validated by `validateProductDraft`. */
export interface ProductDraft {
  sku: string;
  title: string;
  description: string;
  kind: ProductKind;
  price: Price;
  /** null = unlimited. For `code` products it counts the unsold codes and moves only with the pool. */
  stock: number | null;
  visible: boolean;
  /** Credits a `credit` pack adds per unit bought (minor units of the shop currency). */
  creditAmount: Minor | null;
  /** Where a `webhook` product is fulfilled. */
  webhookUrl: string | null;
  photoUrl: string | null;
  /** The category it is listed under; null = not in any (still found by search). */
  categoryId: number | null;
}

export interface Product extends ProductDraft {
  id: number;
  createdAt: Date;
  updatedAt: Date;
}
