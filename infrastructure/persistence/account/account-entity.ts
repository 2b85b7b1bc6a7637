import { EntitySchema } from 'typeorm';
import { bigintColumn, stringColumn } from '../columns';

export interface AccountRow {
  user_id: string;
  balance: number;
  currency: string;
  created_at: number;
  updated_at: number;
}

export const AccountEntity = new EntitySchema<AccountRow>({
  name: 'Account',
  tableName: 'accounts',
  columns: {
    user_id: stringColumn(32, false, true),
    balance: bigintColumn(),
    currency: stringColumn(3),
    created_at: bigintColumn(),
    updated_at: bigintColumn(),
  },
});
