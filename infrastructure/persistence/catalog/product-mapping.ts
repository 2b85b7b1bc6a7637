import { PRODUCT_KINDS, Product, ProductDraft, ProductPatch } from '../../../domain/catalog';
import { price } from '../../../domain/shared/money';
import { minorOrNull, oneOf, toDate, toMs } from '../columns';
import { ProductRow } from './product-entity';

export const productFromRow = (row: ProductRow): Product => ({
  id: row.id,
  sellerId: row.seller_id,
  sku: row.sku,
  title: row.title,
  description: row.description,
  kind: oneOf(PRODUCT_KINDS, row.kind, 'products.kind'),
  price: price(row.price_amount, row.currency),
  stock: row.stock,
  visible: Boolean(row.visible),
  listed: Boolean(row.listed),
  creditAmount: minorOrNull(row.credit_amount),
  webhookUrl: row.webhook_url,
  starsPrice: minorOrNull(row.stars_price),
  photoUrl: row.photo_url,
  categoryId: row.category_id,
  createdAt: toDate(row.created_at),
  updatedAt: toDate(row.updated_at),
});

export const productRowFromDraft = (draft: ProductDraft, now: Date): Omit<ProductRow, 'id'> => ({
  seller_id: draft.sellerId,
  sku: draft.sku,
  title: draft.title,
  description: draft.description,
  kind: draft.kind,
  price_amount: draft.price.amount,
  currency: draft.price.currency,
  stock: draft.stock,
  visible: draft.visible,
  // Products are made in open shops only (a seller's own or an import need an active seller; admins make the house's).
  listed: true,
  credit_amount: draft.creditAmount,
  webhook_url: draft.webhookUrl,
  stars_price: draft.starsPrice,
  photo_url: draft.photoUrl,
  category_id: draft.categoryId,
  created_at: toMs(now),
  updated_at: toMs(now),
});

/** Only the fields present in the patch; `undefined` means "leave as is". */
export function productColumnsFromPatch(patch: ProductPatch): Partial<ProductRow> {
  const columns: Partial<ProductRow> = {};
  if (patch.sku !== undefined) columns.sku = patch.sku;
  if (patch.title !== undefined) columns.title = patch.title;
  if (patch.description !== undefined) columns.description = patch.description;
  if (patch.kind !== undefined) columns.kind = patch.kind;
  if (patch.price !== undefined) {
    columns.price_amount = patch.price.amount;
    columns.currency = patch.price.currency;
  }
  if (patch.visible !== undefined) columns.visible = patch.visible;
  if (patch.creditAmount !== undefined) columns.credit_amount = patch.creditAmount;
  if (patch.webhookUrl !== undefined) columns.webhook_url = patch.webhookUrl;
  if (patch.starsPrice !== undefined) columns.stars_price = patch.starsPrice;
  if (patch.photoUrl !== undefined) columns.photo_url = patch.photoUrl;
  if (patch.categoryId !== undefined) columns.category_id = patch.categoryId;
  return columns;
}
