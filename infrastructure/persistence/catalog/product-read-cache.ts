import { Product, ProductDraft, ProductListQuery, ProductPatch, ProductPage, ProductRepository, ProductSearch, SearchDocument } from '../../../domain/catalog';

/** How the cache hears of changes made elsewhere, and tells the others of its own (e.g. an InvalidationChannel topic). */
export interface ChangeNotices {
  publish(): void;
  subscribe(listener: () => void): () => void;
}

export interface ProductReadCacheSettings {
  /** How long a read is served from memory at most: bounds what a lost change notice can leave stale. */
  ttlMs: number;
  /** Distinct reads kept (free-text searches are many); the oldest go first. */
  maxEntries?: number;
  notices: ChangeNotices;
  now?: () => number;
}

/**
 * The catalog's plain reads (product pages, one product) served from memory, for GET /v1/products and
 * /v1/products/:id. Every product write committed through the unit of work empties it here and, through the notices,
 * in every other instance. A display that lags by a moment cannot oversell: placing an order reads and decrements the
 * stock in its own transaction, never through this cache.
 */
export class ProductReadCache {
  private readonly entries = new Map<string, { at: number; value: Promise<unknown> }>();
  readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;
  private readonly unsubscribe: () => void;
  private generation = 0;

  constructor(private readonly settings: ProductReadCacheSettings) {
    this.ttlMs = settings.ttlMs;
    this.maxEntries = settings.maxEntries ?? 1000;
    this.now = settings.now ?? Date.now;
    this.unsubscribe = settings.notices.subscribe(() => this.clear());
  }

  /** `repo` with findById answered from the cache (meant for reads outside transactions only). */
  reads(repo: ProductRepository): ProductRepository {
    return {
      findById: (id: number) => this.cached<Product | null>(`id:${id}`, () => repo.findById(id)),
      findBySku: (sku: string, sellerId?: number) => repo.findBySku(sku, sellerId),
      findManyByIds: (ids: number[]) => repo.findManyByIds(ids),
      findManyBySkus: (skus: string[], sellerId?: number) => repo.findManyBySkus(skus, sellerId),
      listAfter: (afterId: number, limit: number, opts?: { lock?: boolean }) => repo.listAfter(afterId, limit, opts),
      insert: (draft: ProductDraft, at: Date) => repo.insert(draft, at),
      insertMany: (drafts: ProductDraft[], at: Date) => repo.insertMany(drafts, at),
      update: (id: number, patch: ProductPatch, at: Date) => repo.update(id, patch, at),
      reserveStock: (id: number, quantity: number) => repo.reserveStock(id, quantity),
      releaseStock: (id: number, quantity: number) => repo.releaseStock(id, quantity),
      setStock: (id: number, stock: number | null, at: Date) => repo.setStock(id, stock, at),
      setSellerListed: (sellerId: number, listed: boolean, at: Date) => repo.setSellerListed(sellerId, listed, at),
    };
  }

  /** `search` with its pages answered from the cache (the query holds the category ids, so a category change cannot leave a stale key). */
  readsSearch(search: ProductSearch): ProductSearch {
    return {
      find: (query: ProductListQuery) => this.cached<ProductPage>(`search:${JSON.stringify(query)}`, () => search.find(query)),
      index: (docs: readonly SearchDocument[], opts?: { fresh?: boolean }) => search.index(docs, opts),
      findUnindexed: (afterId: number, window: number) => search.findUnindexed(afterId, window),
      setSellerListed: (sellerId: number, listed: boolean) => search.setSellerListed(sellerId, listed),
    };
  }

  /** `repo` calling `wrote` before each write (the unit of work then calls `changed` once its transaction committed). */
  writes(repo: ProductRepository, wrote: () => void): ProductRepository {
    const writing = writingWith(wrote);
    return {
      findById: (id) => repo.findById(id),
      findBySku: (sku, sellerId) => repo.findBySku(sku, sellerId),
      findManyByIds: (ids) => repo.findManyByIds(ids),
      findManyBySkus: (skus, sellerId) => repo.findManyBySkus(skus, sellerId),
      listAfter: (afterId, limit, opts) => repo.listAfter(afterId, limit, opts),
      insert: writing((draft: ProductDraft, at: Date) => repo.insert(draft, at)),
      insertMany: writing((drafts: ProductDraft[], at: Date) => repo.insertMany(drafts, at)),
      update: writing((id: number, patch: ProductPatch, at: Date) => repo.update(id, patch, at)),
      reserveStock: writing((id: number, quantity: number) => repo.reserveStock(id, quantity)),
      releaseStock: writing((id: number, quantity: number) => repo.releaseStock(id, quantity)),
      setStock: writing((id: number, stock: number | null, at: Date) => repo.setStock(id, stock, at)),
      // A shop suspended or reinstated changes every page its products are on.
      setSellerListed: writing((sellerId: number, listed: boolean, at: Date) => repo.setSellerListed(sellerId, listed, at)),
    };
  }

  /** The same for the search index: new terms (another language's text, say) change what a page finds. */
  writesSearch(search: ProductSearch, wrote: () => void): ProductSearch {
    return {
      find: (query) => search.find(query),
      index: writingWith(wrote)((docs: readonly SearchDocument[], opts?: { fresh?: boolean }) => search.index(docs, opts)),
      findUnindexed: (afterId, window) => search.findUnindexed(afterId, window),
      setSellerListed: writingWith(wrote)((sellerId: number, listed: boolean) => search.setSellerListed(sellerId, listed)),
    };
  }

  /** A product change was committed here: forget everything, here and in the other instances. */
  changed(): void {
    this.clear();
    this.settings.notices.publish();
  }

  /** Moves on every drop (a change here or a notice from another instance): what was read at an older one is stale. */
  version(): number {
    return this.generation;
  }

  close(): void {
    this.unsubscribe();
    this.clear();
  }

  private clear(): void {
    // A load still in flight is dropped with its entry: what it read may predate the change.
    this.entries.clear();
    this.generation += 1;
  }

  private cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    const now = this.now();
    const hit = this.entries.get(key);
    if (hit && now - hit.at < this.ttlMs) return hit.value as Promise<T>;
    // The promise is stored, so concurrent misses for one key share one query.
    const value = load();
    this.entries.delete(key);
    this.entries.set(key, { at: now, value });
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }
}

const writingWith =
  (wrote: () => void) =>
  <A extends unknown[], R>(write: (...args: A) => Promise<R>) =>
  (...args: A): Promise<R> => {
    wrote();
    return write(...args);
  };
