import { EntitySchema } from 'typeorm';
import { bigintColumn, idColumn, intColumn, stringColumn } from '../columns';

export interface PaymentRow {
  id: number;
  order_no: string;
  provider: string;
  out_trade_no: string;
  amount: number;
  currency: string;
  status: string;
  code_url: string | null;
  expires_at: number | null;
  transaction_id: string | null;
  created_at: number;
  paid_at: number | null;
  /** Repair bookkeeping: when the provider is next asked about this PENDING payment (NULL: never asked, due now). */
  next_check_at: number | null;
  check_attempts: number;
}

export const PaymentEntity = new EntitySchema<PaymentRow>({
  name: 'Payment',
  tableName: 'payments',
  columns: {
    id: idColumn(),
    order_no: stringColumn(32),
    provider: stringColumn(32),
    out_trade_no: stringColumn(64),
    amount: bigintColumn(),
    currency: stringColumn(3),
    status: stringColumn(16),
    code_url: stringColumn(1024, true),
    expires_at: bigintColumn(true),
    transaction_id: stringColumn(255, true),
    created_at: bigintColumn(),
    paid_at: bigintColumn(true),
    next_check_at: bigintColumn(true),
    check_attempts: intColumn(),
  },
});
