import { EntitySchema } from 'typeorm';
import { bigintColumn, idColumn, stringColumn } from '../columns';

export interface ProductCodeRow {
  id: number;
  product_id: number;
  code: string;
  status: string;
  order_no: string | null;
  created_at: number;
  reserved_at: number | null;
  delivered_at: number | null;
}

/** Longest code the pool stores: keeps UNIQUE(product_id, code) inside InnoDB's 3072-byte index limit. */
export const MAX_CODE_LENGTH = 512;

export const ProductCodeEntity = new EntitySchema<ProductCodeRow>({
  name: 'ProductCode',
  tableName: 'product_codes',
  columns: {
    id: idColumn(),
    product_id: bigintColumn(),
    code: stringColumn(MAX_CODE_LENGTH),
    status: stringColumn(16),
    order_no: stringColumn(32, true),
    created_at: bigintColumn(),
    reserved_at: bigintColumn(true),
    delivered_at: bigintColumn(true),
  },
});
