import { Product, ProductDraft, ProductPatch } from './product';

export interface ProductRepository {
  findById(id: number): Promise<Product | null>;
  /** By a seller's SKU (SKUs are unique per seller; the house when no seller is named). */
  findBySku(sku: string, sellerId?: number): Promise<Product | null>;
  findManyByIds(ids: number[]): Promise<Product[]>;
  /** The next `limit` products by id after `afterId`; `lock` holds them (shared) until the transaction ends. */
  listAfter(afterId: number, limit: number, opts?: { lock?: boolean }): Promise<Product[]>;
  findManyBySkus(skus: string[], sellerId?: number): Promise<Product[]>;
  /** One multi-row INSERT per chunk; the SKUs must be free (a taken one throws: the caller planned against them). */
  insertMany(drafts: ProductDraft[], now: Date): Promise<Product[]>;
  /** 'DUPLICATE_SKU' when the sku is taken (the unique key decides, not a prior read). */
  insert(draft: ProductDraft, now: Date): Promise<Product | 'DUPLICATE_SKU'>;
  /** Changes the given fields (never `stock`: see the stock methods). null when there is no such product. */
  update(id: number, patch: ProductPatch, now: Date): Promise<Product | null | 'DUPLICATE_SKU'>;
  /**
   * Conditional decrement: `stock = stock - qty WHERE stock >= qty`. True when taken (always true for unlimited stock).
   * Holds the product row lock until the transaction ends, which also serialises the product's code pool.
   */
  reserveStock(id: number, quantity: number): Promise<boolean>;
  /** Gives reserved units back (no-op for unlimited stock). */
  releaseStock(id: number, quantity: number): Promise<void>;
  /**
   * Opens or closes a whole shop's shelf: `listed = ? WHERE seller_id = ? AND listed <> ?`, one statement (it
   * write-locks those products, so an edit in flight re-indexes with the new state). The number of products changed.
   */
  setSellerListed(sellerId: number, listed: boolean, now: Date): Promise<number>;
  /** Sets the counter outright (null = unlimited). False when there is no such product. */
  setStock(id: number, stock: number | null, now: Date): Promise<boolean>;
}
