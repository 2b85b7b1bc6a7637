import { EntitySchema } from 'typeorm';
import { bigintColumn, intColumn, stringColumn, textColumn } from '../columns';

export interface OrderRow {
  order_no: string;
  user_id: string;
  status: string;
  currency: string;
  total_amount: number;
  payment_method: string;
  idempotency_key: string | null;
  request_hash: string | null;
  items_key: string;
  created_at: number;
  expires_at: number;
  paid_at: number | null;
  delivered_at: number | null;
  closed_at: number | null;
  close_reason: string | null;
  delivery_attempts: number;
  next_delivery_at: number | null;
  last_delivery_error: string | null;
  refunded_amount: number;
  fulfilment_note: string | null;
}

export const OrderEntity = new EntitySchema<OrderRow>({
  name: 'Order',
  tableName: 'orders',
  columns: {
    order_no: stringColumn(32, false, true),
    user_id: stringColumn(32),
    status: stringColumn(24),
    currency: stringColumn(3),
    total_amount: bigintColumn(),
    payment_method: stringColumn(16),
    idempotency_key: stringColumn(191, true),
    request_hash: stringColumn(128, true),
    items_key: textColumn(),
    created_at: bigintColumn(),
    expires_at: bigintColumn(),
    paid_at: bigintColumn(true),
    delivered_at: bigintColumn(true),
    closed_at: bigintColumn(true),
    close_reason: textColumn(true),
    delivery_attempts: intColumn(),
    next_delivery_at: bigintColumn(true),
    last_delivery_error: textColumn(true),
    refunded_amount: bigintColumn(),
    fulfilment_note: textColumn(true),
  },
});
