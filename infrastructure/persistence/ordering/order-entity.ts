import { EntitySchema } from 'typeorm';
import { bigintColumn, intColumn, stringColumn, textColumn } from '../columns';

const intOrNullColumn = () => ({ ...intColumn(), nullable: true });

export interface OrderRow {
  order_no: string;
  user_id: string;
  status: string;
  currency: string;
  total_amount: number;
  payment_method: string;
  coupon_code: string | null;
  discount_amount: number;
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
  seller_id: number;
  checkout_no: string | null;
  confirm_window_minutes: number | null;
  confirm_by: number | null;
  delivery_option_id: number | null;
  delivery_name: string | null;
  delivery_fee: number | null;
  delivery_days: number | null;
  shipping_address: string | null;
  carrier: string | null;
  tracking_no: string | null;
  shipped_at: number | null;
  receive_by: number | null;
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
    coupon_code: stringColumn(32, true),
    discount_amount: bigintColumn(),
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
    seller_id: bigintColumn(),
    checkout_no: stringColumn(32, true),
    confirm_window_minutes: intOrNullColumn(),
    confirm_by: bigintColumn(true),
    delivery_option_id: bigintColumn(true),
    delivery_name: stringColumn(64, true),
    delivery_fee: bigintColumn(true),
    delivery_days: intOrNullColumn(),
    shipping_address: textColumn(true),
    carrier: stringColumn(64, true),
    tracking_no: stringColumn(64, true),
    shipped_at: bigintColumn(true),
    receive_by: bigintColumn(true),
  },
});
