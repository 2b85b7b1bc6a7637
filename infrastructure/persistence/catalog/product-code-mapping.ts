import { CodeStatus, StoredCode } from '../../../domain/catalog';
import { oneOf } from '../columns';
import { ProductCodeRow } from './product-code-entity';

export const CODE_STATUSES: readonly CodeStatus[] = ['AVAILABLE', 'RESERVED', 'DELIVERED'];

export const storedCodeFromRow = (row: ProductCodeRow): StoredCode => ({
  id: row.id,
  productId: row.product_id,
  code: row.code,
  status: oneOf(CODE_STATUSES, row.status, 'product_codes.status'),
  orderNo: row.order_no,
});
