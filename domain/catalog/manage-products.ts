import { CatalogDeps, CatalogTx } from './catalog-deps';
import { DomainError, Result, fail, ok } from '../shared/result';
import { ValidationError, nonNegativeInt } from '../shared/validation';
import { Product, ProductOwner, ownedBy } from './product';
import { searchDocumentOf } from './product-search';
import { stockBackOf } from './stock-back';
import { ProductText, searchDocumentsOf, validateProductTexts } from './product-texts';
import { MAX_STOCK, ProductInput, validateProductDraft, validateProductPatch } from './product-draft';
import { WebhookUrlError, checkWebhookTarget } from './webhook-url';

type ManageError = ValidationError | WebhookUrlError | DomainError<'DUPLICATE_SKU' | 'PRODUCT_NOT_FOUND' | 'STOCK_FOLLOWS_CODES' | 'CATEGORY_NOT_FOUND'>;

export async function createProduct(deps: CatalogDeps, input: ProductInput, owner?: ProductOwner): Promise<Result<Product, ManageError>> {
  const draft = validateProductDraft(input, deps.limits.currency, deps.webhookTargets.rules, owner?.sellerId);
  if (!draft.ok) return draft;
  // DNS before the transaction: a name that resolves inside the shop's network is refused (send time checks again).
  if (draft.value.webhookUrl !== null) {
    const target = await checkWebhookTarget('webhookUrl', draft.value.webhookUrl, deps.webhookTargets);
    if (!target.ok) return target;
  }
  return deps.uow.run(async (tx): Promise<Result<Product, ManageError>> => {
    const category = await checkCategory(tx, draft.value.categoryId);
    if (!category.ok) return category;
    const created = await tx.products.insert(draft.value, deps.clock.now());
    if (created === 'DUPLICATE_SKU') return fail('DUPLICATE_SKU', `sku ${draft.value.sku} is already used by another product`);
    await tx.search.index([searchDocumentOf(created)], { fresh: true });
    return ok(created);
  });
}

/**
 * Changes a product's fields — and its stock, when the input carries one — in one transaction: either every change
 * is made or none is.
 */
export async function updateProduct(deps: CatalogDeps, id: number, input: ProductInput, owner?: ProductOwner): Promise<Result<Product, ManageError>> {
  const { stock, ...fields } = input;
  const stockChecked = stock === undefined ? ok(undefined) : checkStock(stock);
  if (!stockChecked.ok) return stockChecked;
  // A new URL's text is checked with the patch below; its DNS before the transaction.
  if (typeof fields.webhookUrl === 'string') {
    const target = await checkWebhookTarget('webhookUrl', fields.webhookUrl.trim(), deps.webhookTargets);
    if (!target.ok) return target;
  }
  return deps.uow.run(async (tx): Promise<Result<Product, ManageError>> => {
    const current = await tx.products.findById(id);
    if (!current || !ownedBy(current, owner)) return fail('PRODUCT_NOT_FOUND', `no product ${id}`);
    if (Object.keys(fields).length > 0) {
      const patch = validateProductPatch(current, fields, deps.limits.currency, deps.webhookTargets.rules);
      if (!patch.ok) return patch;
      if (patch.value.categoryId !== current.categoryId) {
        const category = await checkCategory(tx, patch.value.categoryId);
        if (!category.ok) return category;
      }
      const updated = await tx.products.update(id, patch.value, deps.clock.now());
      if (updated === 'DUPLICATE_SKU') return fail('DUPLICATE_SKU', `sku ${patch.value.sku} is already used by another product`);
      if (!updated) return fail('PRODUCT_NOT_FOUND', `no product ${id}`);
      // Under the row lock the update took: the last writer's terms are the last committed version's.
      await tx.search.index(await searchDocumentsOf(tx.texts, [updated]));
    }
    if (stockChecked.value !== undefined) {
      const stocked = await applyStock(tx, deps, current, stockChecked.value);
      if (!stocked.ok) return stocked;
    }
    const result = await tx.products.findById(id);
    return result ? ok(result) : fail('PRODUCT_NOT_FOUND', `no product ${id}`);
  });
}

/** Sets a stock counter outright (null = unlimited). A code product's stock is its pool: upload codes instead. */
export async function setStock(deps: CatalogDeps, id: number, stock: number | null, owner?: ProductOwner): Promise<Result<Product, ManageError>> {
  return updateProduct(deps, id, { stock }, owner);
}

/** A category named by id must exist (MySQL's foreign key would refuse it too, SQLite's is not enforced). */
async function checkCategory(tx: CatalogTx, categoryId: number | null): Promise<Result<void, ManageError>> {
  if (categoryId === null || (await tx.categories.findById(categoryId))) return ok(undefined);
  return fail('CATEGORY_NOT_FOUND', `no category ${categoryId}`, { field: 'categoryId' });
}

function checkStock(stock: unknown): Result<number | null, ManageError> {
  if (stock === null) return ok(null);
  return nonNegativeInt('stock', stock, MAX_STOCK);
}

async function applyStock(tx: CatalogTx, deps: CatalogDeps, product: Product, stock: number | null): Promise<Result<void, ManageError>> {
  if (product.kind === 'code') return fail('STOCK_FOLLOWS_CODES', 'a code product counts its unsold codes: upload codes instead of setting stock');
  const now = deps.clock.now();
  await tx.products.setStock(product.id, stock, now);
  // Sold out → available again: the restock alerts go out after the commit.
  if (product.stock === 0 && (stock === null || stock > 0)) await tx.outbox.enqueue([stockBackOf(product.id, now, stock)], now);
  return ok(undefined);
}

/** Replaces a product's texts in other languages (languages left out are removed) and its search terms with them. */
export async function setProductTexts(deps: CatalogDeps, id: number, input: unknown, owner?: ProductOwner): Promise<Result<ProductText[], ManageError>> {
  const texts = validateProductTexts(input);
  if (!texts.ok) return texts;
  return deps.uow.run(async (tx): Promise<Result<ProductText[], ManageError>> => {
    if (owner !== undefined) {
      const current = await tx.products.findById(id);
      if (!current || !ownedBy(current, owner)) return fail('PRODUCT_NOT_FOUND', `no product ${id}`);
    }
    // The row lock orders this with a concurrent product update: the later one indexes both changes.
    const product = await tx.products.update(id, {}, deps.clock.now());
    if (!product || product === 'DUPLICATE_SKU') return fail('PRODUCT_NOT_FOUND', `no product ${id}`);
    await tx.texts.replace(id, texts.value);
    await tx.search.index(await searchDocumentsOf(tx.texts, [product]));
    return ok(texts.value);
  });
}
