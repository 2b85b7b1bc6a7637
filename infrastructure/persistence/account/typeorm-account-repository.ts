import { minor } from '../../../domain/shared/money';
import { EntityManager } from 'typeorm';
import { Account, AccountRepository, LedgerEntry, Posting, PostingOutcome } from '../../../domain/account';
import { affectedRows } from '../affected-rows';
import { toMs } from '../columns';
import { AccountEntity, AccountRow } from './account-entity';
import { LedgerEntryEntity, LedgerEntryRow } from './ledger-entry-entity';
import { accountFromRow, ledgerEntryFromRow } from './account-mapping';

export class TypeormAccountRepository implements AccountRepository {
  constructor(private readonly manager: EntityManager) {}

  async find(userId: string): Promise<Account | null> {
    const row = await this.manager.findOneBy(AccountEntity, { user_id: userId });
    return row ? accountFromRow(row) : null;
  }

  async post(posting: Posting): Promise<PostingOutcome> {
    if (!Number.isSafeInteger(posting.amount)) throw new RangeError(`a posting amount must be an integer, got ${posting.amount}`);
    const nowMs = toMs(posting.at);
    const account = await this.lockAccount(posting.userId, posting.currency, nowMs);

    const seen = await this.findEntry(posting.userId, posting.reference);
    if (seen) return { status: 'DUPLICATE_REFERENCE', entry: seen };

    // The guard lives in the WHERE clause, so the balance cannot go below zero even if the lock above were missing.
    const applied = await this.manager
      .createQueryBuilder()
      .update(AccountEntity)
      .set({ balance: () => 'balance + :amount' })
      .where('user_id = :userId AND balance + :amount >= 0', { userId: posting.userId, amount: posting.amount })
      .execute();
    if (affectedRows(applied) === 0) return { status: 'INSUFFICIENT_FUNDS', balance: minor(account.balance) };

    const entry: Omit<LedgerEntryRow, 'id'> = {
      user_id: posting.userId,
      amount: posting.amount,
      balance_after: account.balance + posting.amount,
      kind: posting.kind,
      reason: posting.reason,
      reference: posting.reference,
      created_at: nowMs,
    };
    // A duplicate reference here is impossible while we hold the account lock; if it ever happens it throws and the
    // whole transaction (with the balance change) rolls back rather than leaving a balance without its entry.
    const inserted = await this.manager.createQueryBuilder().insert().into(LedgerEntryEntity).values(entry).execute();
    return { status: 'APPLIED', entry: ledgerEntryFromRow({ ...entry, id: Number(inserted.identifiers[0]?.id) }) };
  }

  async ledger(userId: string, limit: number): Promise<LedgerEntry[]> {
    const rows = await this.manager.find(LedgerEntryEntity, { where: { user_id: userId }, order: { id: 'DESC' }, take: Math.max(1, limit) });
    return rows.map(ledgerEntryFromRow);
  }

  async findEntry(userId: string, reference: string): Promise<LedgerEntry | null> {
    const row = await this.manager.findOneBy(LedgerEntryEntity, { user_id: userId, reference });
    return row ? ledgerEntryFromRow(row) : null;
  }

  /**
   * Write-locks the account row for the rest of the transaction, creating it on first use, in ONE upsert. Not an
   * INSERT IGNORE then UPDATE: on MySQL the ignored duplicate takes a shared lock, and concurrent holders upgrading
   * it deadlock (18 of 20 first top-ups did); ON DUPLICATE KEY UPDATE takes the exclusive lock straight away.
   */
  private async lockAccount(userId: string, currency: string, nowMs: number): Promise<AccountRow> {
    await this.manager
      .createQueryBuilder()
      .insert()
      .into(AccountEntity)
      .values({ user_id: userId, balance: 0, currency, created_at: nowMs, updated_at: nowMs })
      .orUpdate(['updated_at'], ['user_id'])
      .updateEntity(false)
      .execute();
    const row = await this.manager.findOneBy(AccountEntity, { user_id: userId });
    if (!row) throw new Error(`account ${userId} vanished while locked`);
    if (row.currency !== currency) throw new Error(`account ${userId} holds ${row.currency}; a ${currency} posting cannot apply to it`);
    return row;
  }
}
