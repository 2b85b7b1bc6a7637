import { Minor, Price } from '../shared/money';

/**
 * The platform's own shop: every product made before sellers existed, and every product an admin creates without
 * naming a seller, belongs to it (the sellers migration inserts it as seller 1).
 */
export const HOUSE_SELLER_ID = 1;

/** `physical`: goods a seller ships (bought through a checkout, with a delivery option and an address). */
export const PRODUCT_KINDS = ['credit', 'code', 'manual', 'webhook', 'physical'] as const;
export type ProductKind = (typeof PRODUCT_KINDS)[number];

/** Kinds Telegram lets a bot sell for Stars: digital goods only (a code, credit, a merchant's webhook). */
export const STARS_KINDS: readonly ProductKind[] = ['code', 'credit', 'webhook'];

/** Telegram's bounds on one Stars invoice (XTR): 1 to 10 000 stars. */
export const MIN_STARS = 1;
export const MAX_STARS = 10_000;

/** Everything an admin sets on a product; validated by `validateProductDraft`. */
export interface ProductDraft {
  /** The shop that sells it: fixed at creation (a patch never moves a product to another seller). */
  sellerId: number;
  /** Unique per seller: two shops may both use `TSHIRT-1`. */
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
  /** Its price in Telegram Stars (XTR, whole stars), for digital goods only; null = not sold for Stars. */
  starsPrice: Minor | null;
  photoUrl: string | null;
  /** The category it is listed under; null = not in any (still found by search). */
  categoryId: number | null;
}

export interface Product extends ProductDraft {
  id: number;
  /**
   * Its shop is open: false while its seller is suspended, which hides it from shoppers whatever `visible` says
   * (kept on the product, set for all of a shop's products in one UPDATE, so the listings filter one column, no join).
   */
  listed: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** What a product update may change: neither its stock (see the stock methods) nor its seller. */
export type ProductPatch = Partial<Omit<ProductDraft, 'stock' | 'sellerId'>>;

/**
 * Whose products a caller may manage: a seller's own only. Absent = an admin (any product). A product of another
 * seller answers exactly as a product that does not exist (PRODUCT_NOT_FOUND), so ids cannot be probed.
 */
export interface ProductOwner {
  sellerId: number;
}

export const ownedBy = (product: Pick<Product, 'sellerId'>, owner: ProductOwner | undefined): boolean =>
  owner === undefined || product.sellerId === owner.sellerId;

/** What a shopper may see, put in a cart or buy: the seller shows it and its shop is open. */
export const onShelf = (product: Pick<Product, 'visible' | 'listed'>): boolean => product.visible && product.listed;
