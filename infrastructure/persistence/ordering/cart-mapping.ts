import { CartLine } from '../../../domain/ordering';
import { toDate } from '../columns';
import { CartItemRow } from './cart-item-entity';

export const cartLineFromRow = (row: CartItemRow): CartLine => ({
  productId: row.product_id,
  quantity: row.quantity,
  updatedAt: toDate(row.updated_at),
});
