import { EntitySchema } from 'typeorm';
import { bigintColumn, booleanColumn, idColumn, stringColumn, textColumn } from '../columns';

export interface ProductRow {
  id: number;
  seller_id: number;
  sku: string;
  title: string;
  description: string;
  kind: string;
  price_amount: number;
  currency: string;
  stock: number | null;
  visible: boolean;
  /** Its shop is open (see Product.listed). */
  listed: boolean;
  credit_amount: number | null;
  webhook_url: string | null;
  stars_price: number | null;
  photo_url: string | null;
  category_id: number | null;
  created_at: number;
  updated_at: number;
}

export const ProductEntity = new EntitySchema<ProductRow>({
  name: 'Product',
  tableName: 'products',
  columns: {
    id: idColumn(),
    seller_id: bigintColumn(),
    sku: stringColumn(64),
    title: stringColumn(255),
    description: textColumn(),
    kind: stringColumn(16),
    price_amount: bigintColumn(),
    currency: stringColumn(3),
    stock: bigintColumn(true),
    visible: booleanColumn(),
    listed: booleanColumn(),
    credit_amount: bigintColumn(true),
    webhook_url: stringColumn(2048, true),
    stars_price: bigintColumn(true),
    photo_url: stringColumn(2048, true),
    category_id: bigintColumn(true),
    created_at: bigintColumn(),
    updated_at: bigintColumn(),
  },
});
