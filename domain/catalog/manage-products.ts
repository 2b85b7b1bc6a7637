import { ShopDeps } from '../shared/shop-deps';
import { DomainError, Result, fail, ok } from '../shared/result';
import { ValidationError } from '../shared/validation';
import { Product } from './product';
import { MAX_STOCK, ProductInput, validateProductDraft, validateProductPatch } from './product-draft';
import { nonNegativeInt } from '../shared/validation';

type ManageError = ValidationError | DomainError<'DUPLICATE_SKU' | 'PRODUCT_NOT_FOUND' | 'STOCK_FOLLOWS_CODES'>;

export async function createProduct(deps: ShopDeps, input: ProductInput): Promise<Result<Product, ManageError>> {
  const draft = validateProductDraft(input, deps.limits.currency);
  if (!draft.ok) return draft;
  const created = await deps.uow.run((tx) => tx.products.insert(draft.value, deps.clock.now()));
  if (created === 'DUPLICATE_SKU') return fail('DUPLICATE_SKU', `sku ${draft.value.sku} is already used by another product`);
  return ok(created);
}

export async function updateProduct(deps: ShopDeps, id: number, input: ProductInput): Promise<Result<Product, ManageError>> {
  return deps.uow.run(async (tx) => {
    const current = await tx.products.findById(id);
    if (!current) return fail('PRODUCT_NOT_FOUND', `no product ${id}`);
    const patch = validateProductPatch(current, input, deps.limits.currency);
    if (!patch.ok) return patch;
    const updated = await tx.products.update(id, patch.value, deps.clock.now());
    if (updated === 'DUPLICATE_SKU') return fail('DUPLICATE_SKU', `sku ${patch.value.sku} is already used by another product`);
    if (!updated) return fail('PRODUCT_NOT_FOUND', `no product ${id}`);
    return ok(updated);
  });
}

/** Sets a stock counter outright (null = unlimited). A code product's stock is its pool: upload codes instead. */
export async function setStock(deps: ShopDeps, id: number, stock: number | null): Promise<Result<Product, ManageError>> {
  if (stock !== null) {
    const checked = nonNegativeInt('stock', stock, MAX_STOCK);
    if (!checked.ok) return checked;
  }
  return deps.uow.run(async (tx) => {
    const product = await tx.products.findById(id);
    if (!product) return fail('PRODUCT_NOT_FOUND', `no product ${id}`);
    if (product.kind === 'code') return fail('STOCK_FOLLOWS_CODES', 'a code product counts its unsold codes: upload codes instead of setting stock');
    await tx.products.setStock(id, stock, deps.clock.now());
    const updated = await tx.products.findById(id);
    return updated ? ok(updated) : fail('PRODUCT_NOT_FOUND', `no product ${id}`);
  });
}
