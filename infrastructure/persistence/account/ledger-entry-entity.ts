import { EntitySchema } from 'typeorm';
import { bigintColumn, idColumn, stringColumn, textColumn } from '../columns';

export interface LedgerEntryRow {
  id: number;
  user_id: string;
  amount: number;
  balance_after: number;
  kind: string;
  reason: string;
  reference: string;
  created_at: number;
}

export const LedgerEntryEntity = new EntitySchema<LedgerEntryRow>({
  name: 'LedgerEntry',
  tableName: 'ledger_entries',
  columns: {
    id: idColumn(),
    user_id: stringColumn(32),
    amount: bigintColumn(),
    balance_after: bigintColumn(),
    kind: stringColumn(16),
    reason: textColumn(),
    reference: stringColumn(191),
    created_at: bigintColumn(),
  },
});
