import { EntitySchema } from 'typeorm';
import { bigintColumn, idColumn, stringColumn } from '../columns';

export interface CheckoutFailureRow {
  id: number;
  user_id: string;
  reason: string;
  ref: string | null;
  failed_at: number;
}

/** One failed checkout of a shopper (account's lockout rule counts them). */
export const CheckoutFailureEntity = new EntitySchema<CheckoutFailureRow>({
  name: 'CheckoutFailure',
  tableName: 'checkout_failures',
  columns: {
    id: idColumn(),
    user_id: stringColumn(32),
    reason: stringColumn(32),
    ref: stringColumn(64, true),
    failed_at: bigintColumn(),
  },
});
