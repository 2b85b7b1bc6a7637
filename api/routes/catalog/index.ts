import { CatalogErrorCode } from '../../../domain/catalog';
import { defineRoutes } from '../../context-routes';
import { adminImportRoutes } from './admin-imports';
import { adminProductRoutes } from './admin-products';
import { adminCategoryRoutes, categoryRoutes } from './categories';
import { productRoutes } from './products';

const CATALOG_STATUS: Record<CatalogErrorCode, number> = {
  PRODUCT_NOT_FOUND: 404,
  DUPLICATE_SKU: 409,
  STOCK_FOLLOWS_CODES: 409,
  NOT_A_CODE_PRODUCT: 409,
  CATEGORY_NOT_FOUND: 404,
  DUPLICATE_CATEGORY: 409,
  IMPORT_NOT_FOUND: 404,
  IMPORT_FILE_TOO_LARGE: 413,
  IMPORT_TAKEN_OVER: 409,
  WEBHOOK_URL_NOT_ALLOWED: 422,
};

/** The catalog over HTTP: products and categories for everyone, their management for admins. */
export const catalogRoutes = defineRoutes(async (app, deps) => {
  await app.register(productRoutes, deps);
  await app.register(adminProductRoutes, deps);
  await app.register(categoryRoutes, deps);
  await app.register(adminCategoryRoutes, deps);
  await app.register(adminImportRoutes, deps);
}, CATALOG_STATUS);
