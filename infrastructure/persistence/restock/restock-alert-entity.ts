import { EntitySchema } from 'typeorm';
import { bigintColumn, idColumn, intColumn, stringColumn } from '../columns';

export interface RestockAlertRow {
  id: number;
  product_id: number;
  user_id: string;
  /** `waiting` or `sent`. */
  status: string;
  round: number;
  created_at: number;
  updated_at: number;
  sent_at: number | null;
}

export const RestockAlertEntity = new EntitySchema<RestockAlertRow>({
  name: 'RestockAlert',
  tableName: 'restock_alerts',
  columns: {
    id: idColumn(),
    product_id: bigintColumn(),
    user_id: stringColumn(32),
    status: stringColumn(12),
    round: intColumn(),
    created_at: bigintColumn(),
    updated_at: bigintColumn(),
    sent_at: bigintColumn(true),
  },
});
