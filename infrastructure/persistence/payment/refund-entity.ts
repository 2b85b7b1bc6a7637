import { EntitySchema } from 'typeorm';
import { bigintColumn, idColumn, stringColumn, textColumn } from '../columns';

export interface RefundRow {
  id: number;
  out_refund_no: string;
  order_no: string;
  provider: string;
  out_trade_no: string;
  amount: number;
  currency: string;
  reason: string;
  status: string;
  order_status_before: string;
  provider_refund_id: string | null;
  last_error: string | null;
  next_check_at: number | null;
  created_at: number;
  completed_at: number | null;
  kind: string;
  transaction_id: string | null;
}

export const RefundEntity = new EntitySchema<RefundRow>({
  name: 'Refund',
  tableName: 'refunds',
  columns: {
    id: idColumn(),
    out_refund_no: stringColumn(64),
    order_no: stringColumn(32),
    provider: stringColumn(32),
    out_trade_no: stringColumn(64),
    amount: bigintColumn(),
    currency: stringColumn(3),
    reason: stringColumn(255),
    status: stringColumn(16),
    order_status_before: stringColumn(24),
    provider_refund_id: stringColumn(64, true),
    last_error: textColumn(true),
    next_check_at: bigintColumn(true),
    created_at: bigintColumn(),
    completed_at: bigintColumn(true),
    kind: stringColumn(24),
    transaction_id: stringColumn(255, true),
  },
});
