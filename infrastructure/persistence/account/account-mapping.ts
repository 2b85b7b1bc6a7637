import { Account, LEDGER_KINDS, LedgerEntry } from '../../../domain/account';
import { minor } from '../../../domain/shared/money';
import { oneOf, toDate } from '../columns';
import { AccountRow } from './account-entity';
import { LedgerEntryRow } from './ledger-entry-entity';

export const accountFromRow = (row: AccountRow): Account => ({ userId: row.user_id, balance: minor(row.balance), currency: row.currency });

export const ledgerEntryFromRow = (row: LedgerEntryRow): LedgerEntry => ({
  id: row.id,
  userId: row.user_id,
  amount: minor(row.amount),
  balanceAfter: minor(row.balance_after),
  kind: oneOf(LEDGER_KINDS, row.kind, 'ledger_entries.kind'),
  reason: row.reason,
  reference: row.reference,
  createdAt: toDate(row.created_at),
});
