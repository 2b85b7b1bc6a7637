import { EntitySchema } from 'typeorm';
import { bigintColumn, intColumn, stringColumn } from '../columns';

export interface CartItemRow {
  user_id: string;
  product_id: number;
  quantity: number;
  created_at: number;
  updated_at: number;
}

export const CartItemEntity = new EntitySchema<CartItemRow>({
  name: 'CartItem',
  tableName: 'cart_items',
  columns: {
    user_id: stringColumn(32, false, true),
    product_id: { ...bigintColumn(), primary: true },
    quantity: intColumn(),
    created_at: bigintColumn(),
    updated_at: bigintColumn(),
  },
});
