import { defineContext } from '../shared/context';
import { addCodes } from './add-codes';
import { BrowseProducts, MissingTermsCursor, browseProducts, indexMissingSearchTerms, rebuildSearchIndex } from './search-products';
import { getProduct } from './get-product';
import { CatalogDeps } from './catalog-deps';
import { CategoryInput } from './category-draft';
import { createCategory, listCategories, updateCategory } from './manage-categories';
import { ImportRequest, Upload, getImport, importCatalog, startImport } from './import/import-catalog';
import { ImportSource } from './import/import-source';
import { createProduct, setProductTexts, setStock, updateProduct } from './manage-products';
import { ProductInput } from './product-draft';
import { ProductOwner } from './product';

export const CATALOG_ERROR_CODES = [
  'PRODUCT_NOT_FOUND',
  'DUPLICATE_SKU',
  'STOCK_FOLLOWS_CODES',
  'NOT_A_CODE_PRODUCT',
  'CATEGORY_NOT_FOUND',
  'DUPLICATE_CATEGORY',
  'IMPORT_NOT_FOUND',
  'IMPORT_FILE_TOO_LARGE',
  'IMPORT_TAKEN_OVER',
  'WEBHOOK_URL_NOT_ALLOWED',
] as const;
export type CatalogErrorCode = (typeof CATALOG_ERROR_CODES)[number];

/** Products, their categories, their stock and the code pools of `code` products. */
export function catalogContext(deps: CatalogDeps) {
  // This process's progress through the products looking for ones without terms (a restart looks once more).
  const missingTerms: MissingTermsCursor = { afterId: 0, done: false };
  return defineContext(
    {
      browseProducts: (query: BrowseProducts) => browseProducts(deps, query),
      getProduct: (id: number, opts?: { includeHidden?: boolean; lang?: string | null; owner?: ProductOwner }) => getProduct(deps, id, opts),
      // `owner`: a seller managing their own products (another seller's is PRODUCT_NOT_FOUND); absent for admins.
      createProduct: (input: ProductInput, owner?: ProductOwner) => createProduct(deps, input, owner),
      updateProduct: (id: number, input: ProductInput, owner?: ProductOwner) => updateProduct(deps, id, input, owner),
      setStock: (id: number, stock: number | null, owner?: ProductOwner) => setStock(deps, id, stock, owner),
      setProductTexts: (id: number, texts: unknown, owner?: ProductOwner) => setProductTexts(deps, id, texts, owner),
      addCodes: (productId: number, codes: unknown, owner?: ProductOwner) => addCodes(deps, productId, codes, owner),
      rebuildSearchIndex: (batchSize: number, onBatch?: (done: number) => void) => rebuildSearchIndex(deps, batchSize, onBatch),
      indexMissingSearchTerms: (budget: number) => indexMissingSearchTerms(deps, missingTerms, budget),
      listCategories: () => listCategories(deps),
      createCategory: (input: CategoryInput) => createCategory(deps, input),
      updateCategory: (id: number, input: CategoryInput) => updateCategory(deps, id, input),
      importCatalog: (source: ImportSource, request?: ImportRequest) => importCatalog(deps, source, request),
      startImport: (upload: Upload) => startImport(deps, upload),
      getImport: (id: string, owner?: ProductOwner) => getImport(deps, id, owner),
    },
    { errorCodes: CATALOG_ERROR_CODES },
  );
}
