import { EntitySchema } from 'typeorm';
import { bigintColumn, stringColumn } from '../columns';

export interface CheckoutRow {
  checkout_no: string;
  user_id: string;
  status: string;
  currency: string;
  total_amount: number;
  payment_method: string;
  idempotency_key: string | null;
  request_hash: string | null;
  created_at: number;
  expires_at: number;
  paid_at: number | null;
  closed_at: number | null;
}

export const CheckoutEntity = new EntitySchema<CheckoutRow>({
  name: 'Checkout',
  tableName: 'checkouts',
  columns: {
    checkout_no: stringColumn(32, false, true),
    user_id: stringColumn(32),
    status: stringColumn(16),
    currency: stringColumn(3),
    total_amount: bigintColumn(),
    payment_method: stringColumn(16),
    idempotency_key: stringColumn(191, true),
    request_hash: stringColumn(128, true),
    created_at: bigintColumn(),
    expires_at: bigintColumn(),
    paid_at: bigintColumn(true),
    closed_at: bigintColumn(true),
  },
});
