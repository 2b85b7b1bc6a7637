import { EntitySchema } from 'typeorm';
import { bigintColumn, stringColumn, textColumn } from '../columns';

export interface ShippingAddressRow {
  user_id: string;
  recipient: string;
  phone: string;
  address: string;
  updated_at: number;
}

export const ShippingAddressEntity = new EntitySchema<ShippingAddressRow>({
  name: 'ShippingAddress',
  tableName: 'shipping_addresses',
  columns: {
    user_id: stringColumn(32, false, true),
    recipient: stringColumn(64),
    phone: stringColumn(32),
    address: textColumn(),
    updated_at: bigintColumn(),
  },
});
