import { EntitySchema } from 'typeorm';
import { bigintColumn, booleanColumn, idColumn, intColumn, stringColumn } from '../columns';

export interface DeliveryOptionRow {
  id: number;
  seller_id: number;
  name: string;
  fee_amount: number;
  estimated_days: number;
  active: boolean | number;
  created_at: number;
}

export const DeliveryOptionEntity = new EntitySchema<DeliveryOptionRow>({
  name: 'DeliveryOption',
  tableName: 'delivery_options',
  columns: {
    id: idColumn(),
    seller_id: bigintColumn(),
    name: stringColumn(64),
    fee_amount: bigintColumn(),
    estimated_days: intColumn(),
    active: booleanColumn(),
    created_at: bigintColumn(),
  },
});
