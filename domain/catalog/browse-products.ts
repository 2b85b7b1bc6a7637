import { CatalogDeps } from './catalog-deps';
import { DomainError, Result, fail, ok } from '../shared/result';
import { positiveInt, text } from '../shared/validation';
import { Product } from './product';
import { ProductPage } from './product-repository';

export interface BrowseProducts {
  q?: string;
  page?: number;
  pageSize?: number;
  /** Admins see hidden products too. */
  includeHidden?: boolean;
}

export const MAX_PAGE_SIZE = 100;

export async function browseProducts(
  deps: CatalogDeps,
  query: BrowseProducts,
): Promise<Result<ProductPage & { page: number; pageSize: number }, DomainError<'VALIDATION_FAILED'>>> {
  const page = positiveInt('page', query.page ?? 1, 1_000_000);
  if (!page.ok) return page;
  const pageSize = positiveInt('pageSize', query.pageSize ?? 20, MAX_PAGE_SIZE);
  if (!pageSize.ok) return pageSize;
  let q: string | undefined;
  if (query.q !== undefined && query.q.trim() !== '') {
    const checked = text('q', query.q, 1, 100);
    if (!checked.ok) return checked;
    q = checked.value;
  }
  const result = await deps.uow.read((tx) =>
    tx.products.search({ q, page: page.value, pageSize: pageSize.value, includeHidden: query.includeHidden === true }),
  );
  return ok({ ...result, page: page.value, pageSize: pageSize.value });
}

export async function getProduct(
  deps: CatalogDeps,
  id: number,
  opts: { includeHidden?: boolean } = {},
): Promise<Result<Product, DomainError<'PRODUCT_NOT_FOUND'>>> {
  const product = Number.isSafeInteger(id) && id > 0 ? await deps.uow.read((tx) => tx.products.findById(id)) : null;
  if (!product || (!product.visible && opts.includeHidden !== true)) return fail('PRODUCT_NOT_FOUND', `no product ${id}`);
  return ok(product);
}
