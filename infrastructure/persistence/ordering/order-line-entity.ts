import { EntitySchema } from 'typeorm';
import { bigintColumn, intColumn, stringColumn } from '../columns';

export interface OrderLineRow {
  order_no: string;
  line_no: number;
  product_id: number;
  sku: string;
  title: string;
  kind: string;
  unit_price: number;
  quantity: number;
  line_total: number;
  discount: number;
  credit_amount: number | null;
  webhook_url: string | null;
}

export const OrderLineEntity = new EntitySchema<OrderLineRow>({
  name: 'OrderLine',
  tableName: 'order_lines',
  columns: {
    order_no: stringColumn(32, false, true),
    line_no: { ...intColumn(), primary: true },
    product_id: bigintColumn(),
    sku: stringColumn(64),
    title: stringColumn(255),
    kind: stringColumn(16),
    unit_price: bigintColumn(),
    quantity: intColumn(),
    line_total: bigintColumn(),
    discount: bigintColumn(),
    credit_amount: bigintColumn(true),
    webhook_url: stringColumn(2048, true),
  },
});
