import { CatalogDeps } from './catalog-deps';
import { DomainError, Result, fail, ok } from '../shared/result';
import { Product } from './product';

export async function getProduct(
  deps: CatalogDeps,
  id: number,
  opts: { includeHidden?: boolean } = {},
): Promise<Result<Product, DomainError<'PRODUCT_NOT_FOUND'>>> {
  const product = Number.isSafeInteger(id) && id > 0 ? await deps.uow.run((tx) => tx.products.findById(id)) : null;
  if (!product || (!product.visible && opts.includeHidden !== true)) return fail('PRODUCT_NOT_FOUND', `no product ${id}`);
  return ok(product);
}
