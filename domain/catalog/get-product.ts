import { CatalogDeps } from './catalog-deps';
import { DomainError, Result, fail, ok } from '../shared/result';
import { Product, ProductOwner, onShelf, ownedBy } from './product';
import { localize, requestedLanguage } from './product-texts';

export async function getProduct(
  deps: CatalogDeps,
  id: number,
  opts: { includeHidden?: boolean; lang?: string | null; owner?: ProductOwner } = {},
): Promise<Result<Product, DomainError<'PRODUCT_NOT_FOUND'>>> {
  if (!Number.isSafeInteger(id) || id <= 0) return fail('PRODUCT_NOT_FOUND', `no product ${id}`);
  const product = await deps.uow.read(async (tx) => {
    const found = await tx.products.findById(id);
    // A seller sees their own products, hidden ones too, and no one else's.
    if (opts.owner !== undefined) {
      if (!found || !ownedBy(found, opts.owner)) return null;
    } else if (!found || (!onShelf(found) && opts.includeHidden !== true)) return null;
    return (await localize(tx.texts, [found], requestedLanguage(opts.lang)))[0] ?? null;
  });
  return product ? ok(product) : fail('PRODUCT_NOT_FOUND', `no product ${id}`);
}
