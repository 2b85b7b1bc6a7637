// The catalog context's public face: what other contexts and the doors may use.
export { CATALOG_ERROR_CODES, catalogContext } from './catalog-context';
export type { CatalogErrorCode } from './catalog-context';
export type { CatalogDeps, CatalogRepositories, CatalogTx } from './catalog-deps';
export { PRODUCT_KINDS } from './product';
export type { Product, ProductDraft, ProductKind } from './product';
export { MAX_STOCK, SKU_PATTERN, validateProductDraft, validateProductPatch } from './product-draft';
export type { ProductInput } from './product-draft';
export type { ProductPage, ProductQuery, ProductRepository } from './product-repository';
export type { CodePoolRepository, CodeStatus, StoredCode } from './code-pool-repository';
export { MAX_CODES_PER_UPLOAD, MAX_CODE_LENGTH, codesFromText } from './add-codes';
export type { CodesAdded } from './add-codes';
export { MAX_PAGE_SIZE } from './browse-products';
export type { BrowseProducts } from './browse-products';
export type { Category, CategoryFields, CategoryNode } from './category';
export { treeOrder } from './category';
export type { CategoryRepository } from './category-repository';
export { CATEGORY_SLUG_PATTERN, MAX_CATEGORY_DEPTH, parseCategoryPath } from './category-draft';
export type { CategoryInput } from './category-draft';
