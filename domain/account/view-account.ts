import { ZERO } from '../shared/money';
import { Account, LedgerEntry } from './account-repository';
import { AccountDeps } from './account-deps';

export async function getAccount(deps: AccountDeps, userId: string): Promise<Account> {
  const account = await deps.uow.read((tx) => tx.accounts.find(userId));
  return account ?? { userId, balance: ZERO, currency: deps.limits.currency };
}

export async function getLedger(deps: AccountDeps, userId: string, limit = 100): Promise<LedgerEntry[]> {
  return deps.uow.read((tx) => tx.accounts.ledger(userId, limit));
}
