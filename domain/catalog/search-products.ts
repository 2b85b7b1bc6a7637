import { CatalogDeps } from './catalog-deps';
import { Result, ok } from '../shared/result';
import { ValidationError, invalid, positiveInt, text } from '../shared/validation';
import { parseCategoryPath } from './category-draft';
import { PRODUCT_SORTS, ProductPage, ProductSort } from './product-search';
import { localize, requestedLanguage, searchDocumentsOf } from './product-texts';
import { SKU_PATTERN } from './product-draft';
import { queryTokensOf, skuTerm } from './search-terms';

export interface BrowseProducts {
  q?: string;
  /** A category id or path (`games/keys`); its subcategories are included. */
  category?: string | number;
  sort?: string;
  page?: number;
  pageSize?: number;
  /** Admins see hidden products too (and a seller their own). */
  includeHidden?: boolean;
  /** One shop's shelf only. */
  sellerId?: number;
  /** The language to show titles and descriptions in (`zh`, `ru-RU`, an Accept-Language list); default: the products' own. */
  lang?: string | null;
}

export const MAX_PAGE_SIZE = 100;
/** Deeper than this a shopper refines the query; the index would otherwise rank ever longer lists for nothing. */
export const MAX_SEARCH_DEPTH = 10_000;

export type BrowseResult = ProductPage & { page: number; pageSize: number; sort: ProductSort };

/** The catalog listing and its search: by text (any language, CJK inside words), category and order. */
export async function browseProducts(deps: CatalogDeps, query: BrowseProducts): Promise<Result<BrowseResult, ValidationError>> {
  const page = positiveInt('page', query.page ?? 1, 1_000_000);
  if (!page.ok) return page;
  const pageSize = positiveInt('pageSize', query.pageSize ?? 20, MAX_PAGE_SIZE);
  if (!pageSize.ok) return pageSize;
  let q: string | null = null;
  if (query.q !== undefined && query.q.trim() !== '') {
    const checked = text('q', query.q, 1, 100);
    if (!checked.ok) return checked;
    q = checked.value;
  }
  const sort = query.sort ?? 'relevance';
  if (!isSort(sort)) return invalid('sort', `must be one of ${PRODUCT_SORTS.join(', ')}`);
  if (q !== null && page.value * pageSize.value > MAX_SEARCH_DEPTH) return invalid('page', `a search pages through its first ${MAX_SEARCH_DEPTH} results`);
  const category = categoryOf(query.category);
  if (!category.ok) return category;
  const tokens = q === null ? [] : queryTokensOf(q);
  const base = { page: page.value, pageSize: pageSize.value, sort };
  // A query of nothing searchable (only punctuation) matches nothing rather than everything.
  if (q !== null && tokens.length === 0) return ok({ items: [], total: 0, totalCapped: false, ...base });
  // A plain read: each statement sees what is committed when it runs, and the page's products are fetched with their
  // visibility checked again, so a product hidden meanwhile is left out rather than shown.
  const found = await deps.uow.read(async (tx) => {
    let categoryIds: number[] | null = null;
    if (category.value !== null) {
      const root = typeof category.value === 'number' ? await tx.categories.findById(category.value) : await tx.categories.findByPath(category.value);
      // An unknown category lists nothing: a stale link shows an empty shelf, not the whole shop.
      categoryIds = root ? await tx.categories.subtreeIds(root.path) : [];
    }
    if (categoryIds !== null && categoryIds.length === 0) return { items: [], total: 0, totalCapped: false };
    const found = await tx.search.find({
      tokens,
      skuTerm: q !== null && SKU_PATTERN.test(q) ? skuTerm(q) : null,
      categoryIds,
      sellerId: query.sellerId ?? null,
      sort,
      page: page.value,
      pageSize: pageSize.value,
      includeHidden: query.includeHidden === true,
    });
    return { ...found, items: await localize(tx.texts, found.items, requestedLanguage(query.lang)) };
  });
  return ok({ ...found, ...base });
}

const isSort = (value: string): value is ProductSort => (PRODUCT_SORTS as readonly string[]).includes(value);

function categoryOf(value: string | number | undefined): Result<number | string | null, ValidationError> {
  if (value === undefined || value === '') return ok(null);
  if (typeof value === 'number' || /^[0-9]+$/.test(value)) {
    const id = Number(value);
    return Number.isSafeInteger(id) && id > 0 ? ok(id) : invalid('category', 'must be a category id or path');
  }
  const path = parseCategoryPath(value);
  return path === null ? invalid('category', 'must be a category id or path like games/keys') : ok(path);
}

/**
 * Rebuilds the whole index in batches, each its own short transaction (the shop keeps selling meanwhile). The batch's
 * product rows are read under a shared lock, so a concurrent edit either lands before (and is read) or waits and
 * writes its own terms after: a rebuild never puts back the terms of an older version. Products are never deleted
 * (order lines refer to them), so there are no orphaned terms to sweep.
 */
export async function rebuildSearchIndex(deps: CatalogDeps, batchSize: number, onBatch?: (done: number) => void): Promise<number> {
  let afterId = 0;
  let done = 0;
  for (;;) {
    const batch = await deps.uow.run(async (tx) => {
      const products = await tx.products.listAfter(afterId, batchSize, { lock: true });
      await tx.search.index(await searchDocumentsOf(tx.texts, products));
      return { count: products.length, lastId: products[products.length - 1]?.id ?? afterId };
    });
    done += batch.count;
    onBatch?.(done);
    if (batch.count < batchSize) return done;
    afterId = batch.lastId;
  }
}

/** Where the search for products without terms has got to in this process (see indexMissingSearchTerms). */
export interface MissingTermsCursor {
  afterId: number;
  done: boolean;
}

/** Products looked at per statement while looking for ones without terms, and products per transaction. */
const UNINDEXED_WINDOW = 20_000;
const MISSING_TERMS_TX = 500;

/**
 * Gives products that have no search terms their terms: the products of a database upgraded from before the search
 * index (or written around the catalog). Run by a job a bounded `budget` of products per fire, from where the last
 * fire stopped; once it has passed the last product it stops looking (products made since are indexed by their own
 * writes), until the process restarts. Each transaction indexes a run of products from the first one found without
 * terms, read under a lock as in rebuildSearchIndex, so a concurrent edit is never overwritten by an older version.
 */
export async function indexMissingSearchTerms(deps: CatalogDeps, cursor: MissingTermsCursor, budget: number): Promise<{ indexed: number; scanned: number }> {
  let indexed = 0;
  const from = cursor.afterId;
  while (!cursor.done && indexed < budget) {
    const found = await deps.uow.read((r) => r.search.findUnindexed(cursor.afterId, UNINDEXED_WINDOW));
    if (found.id === null) {
      cursor.afterId += UNINDEXED_WINDOW;
      if (found.end) cursor.done = true;
      continue;
    }
    const first = found.id;
    const size = Math.min(MISSING_TERMS_TX, budget - indexed);
    const batch = await deps.uow.run(async (tx) => {
      const products = await tx.products.listAfter(first - 1, size, { lock: true });
      await tx.search.index(await searchDocumentsOf(tx.texts, products));
      return { count: products.length, lastId: products[products.length - 1]?.id ?? first };
    });
    indexed += batch.count;
    cursor.afterId = batch.lastId;
  }
  return { indexed, scanned: Math.max(0, cursor.afterId - from) };
}
