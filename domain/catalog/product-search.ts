import { Product, onShelf } from './product';
import { QueryToken, SearchDocument } from './search-terms';

export const PRODUCT_SORTS = ['relevance', 'price', '-price', 'new'] as const;
/** `relevance` without a query is the shop's own order (oldest first). */
export type ProductSort = (typeof PRODUCT_SORTS)[number];

/** Counting stops here: past it a shopper pages, and a shop front says "10,000+". */
export const TOTAL_CAP = 10_000;

export interface ProductListQuery {
  /** Already cut into tokens (see search-terms.ts); empty = no text condition. */
  tokens: readonly QueryToken[];
  /** The folded query whole, for an exact SKU match ranked first; null when it cannot be a SKU. */
  skuTerm: string | null;
  /** The category and everything below it; null = any. */
  categoryIds: readonly number[] | null;
  /** One shop's products only (its shelf); null or absent = every shop's. */
  sellerId?: number | null;
  sort: ProductSort;
  page: number;
  pageSize: number;
  includeHidden: boolean;
}

export interface ProductPage {
  items: Product[];
  /** Exact up to TOTAL_CAP; `totalCapped` says the real number is larger. */
  total: number;
  totalCapped: boolean;
}

/**
 * Finds products by text, category and order, and keeps its index in step with the products: `index` runs in the
 * same transaction as every write that changes what is searched (text, SKU, visibility), so a search sees a product
 * exactly when it sees the product's commit.
 */
export interface ProductSearch {
  find(query: ProductListQuery): Promise<ProductPage>;
  /**
   * Replaces these products' terms (a batch is a few multi-row statements, for imports and rebuilds). `fresh`: the
   * products were inserted in this transaction, so there are no old terms to delete.
   */
  index(docs: readonly SearchDocument[], opts?: { fresh?: boolean }): Promise<void>;
  /**
   * The first product with an id in (afterId, afterId + window] that has no terms at all (every indexed product has
   * at least its SKU's), or null; `end` says the window reached past the last product.
   */
  findUnindexed(afterId: number, window: number): Promise<{ id: number | null; end: boolean }>;
  /**
   * Files a shop's products with the hidden ones (`listed` false) or back with the shown ones — those the seller
   * shows — after `ProductRepository.setSellerListed` in the same transaction (it reads the products' new state).
   */
  setSellerListed(sellerId: number, listed: boolean): Promise<void>;
}

/** What a product contributes to the index; other languages' texts are added by whoever stores them. */
export const searchDocumentOf = (product: Product, titles: readonly string[] = [], descriptions: readonly string[] = []): SearchDocument => ({
  productId: product.id,
  // The index's `visible` is what shoppers find: a closed shop's products are filed with the hidden ones.
  visible: onShelf(product),
  sku: product.sku,
  titles: [product.title, ...titles],
  descriptions: [product.description, ...descriptions],
});
