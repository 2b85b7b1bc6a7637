import { Account, LedgerEntry } from '../../../domain/account';

const money = (amount: number, currency: string) => ({ amount, currency });

export const presentAccount = (a: Account) => ({ userId: a.userId, balance: money(a.balance, a.currency) });

export const presentLedgerEntry = (e: LedgerEntry) => ({
  amount: e.amount,
  kind: e.kind,
  reason: e.reason,
  reference: e.reference,
  balanceAfter: e.balanceAfter,
  createdAt: e.createdAt.toISOString(),
});
