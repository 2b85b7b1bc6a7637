import { minor } from '../../../domain/shared/money';
import { EntityManager } from 'typeorm';
import { Account, AccountRepository, LedgerEntry, Posting, PostingOutcome } from '../../../domain/account';
import { affectedRows } from '../affected-rows';
import { toMs } from '../columns';
import { Dialect } from '../dialect';
import { isDuplicateOf } from '../store-errors';
import { UNIQUE_KEYS } from '../unique-keys';
import { AccountEntity, AccountRow } from './account-entity';
import { LedgerEntryEntity, LedgerEntryRow } from './ledger-entry-entity';
import { accountFromRow, ledgerEntryFromRow } from './account-mapping';

export class TypeormAccountRepository implements AccountRepository {
  constructor(
    private readonly manager: EntityManager,
    private readonly dialect: Dialect,
  ) {}

  async find(userId: string): Promise<Account | null> {
    const row = await this.manager.findOneBy(AccountEntity, { user_id: userId });
    return row ? accountFromRow(row) : null;
  }

  /**
   * Three statements for a posting to an existing account: lock + read it, the ledger entry (its unique
   * (user_id, reference) is what makes a posting happen once), the guarded balance update.
   */
  async post(posting: Posting): Promise<PostingOutcome> {
    if (!Number.isSafeInteger(posting.amount)) throw new RangeError(`a posting amount must be an integer, got ${posting.amount}`);
    const nowMs = toMs(posting.at);
    const account = await this.lockAccount(posting.userId, posting.currency, nowMs);
    // Exact while the row is locked; the UPDATE's own guard below stays as the last word.
    if (account.balance + posting.amount < 0) return this.refused(posting, account);

    const entry: Omit<LedgerEntryRow, 'id'> = {
      user_id: posting.userId,
      amount: posting.amount,
      balance_after: account.balance + posting.amount,
      kind: posting.kind,
      reason: posting.reason,
      reference: posting.reference,
      created_at: nowMs,
    };
    let id: number;
    try {
      const inserted = await this.manager.createQueryBuilder().insert().into(LedgerEntryEntity).values(entry).execute();
      id = Number(inserted.identifiers[0]?.id);
    } catch (error) {
      // Only this statement failed (both engines roll back the statement, not the transaction).
      if (!isDuplicateOf(error, UNIQUE_KEYS.ledgerReference)) throw error;
      const seen = await this.findEntry(posting.userId, posting.reference);
      if (!seen) throw error;
      return { status: 'DUPLICATE_REFERENCE', entry: seen };
    }
    const applied = await this.manager
      .createQueryBuilder()
      .update(AccountEntity)
      .set({ balance: () => 'balance + :amount' })
      .where('user_id = :userId AND balance + :amount >= 0', { userId: posting.userId, amount: posting.amount })
      .execute();
    // Impossible under the lock; thrown so the entry written above rolls back with the whole transaction.
    if (affectedRows(applied) === 0) throw new Error(`account ${posting.userId} changed under its lock`);
    return { status: 'APPLIED', entry: ledgerEntryFromRow({ ...entry, id }) };
  }

  private async refused(posting: Posting, account: AccountRow): Promise<PostingOutcome> {
    // A posting already made answers as a duplicate even when the balance would not cover it again.
    const seen = await this.findEntry(posting.userId, posting.reference);
    if (seen) return { status: 'DUPLICATE_REFERENCE', entry: seen };
    return { status: 'INSUFFICIENT_FUNDS', balance: minor(account.balance) };
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
   * Write-locks the account row for the rest of the transaction and reads it. An existing account: one SELECT … FOR
   * UPDATE (SQLite: a plain read, its transactions are serialised already). The first posting creates it in ONE
   * upsert — not an INSERT IGNORE then UPDATE: on MySQL the ignored duplicate takes a shared lock, and concurrent
   * holders upgrading it deadlock (18 of 20 first top-ups did); ON DUPLICATE KEY UPDATE takes the exclusive lock at once.
   */
  private async lockAccount(userId: string, currency: string, nowMs: number): Promise<AccountRow> {
    let row = await this.lockedRow(userId);
    if (!row) {
      await this.manager
        .createQueryBuilder()
        .insert()
        .into(AccountEntity)
        .values({ user_id: userId, balance: 0, currency, created_at: nowMs, updated_at: nowMs })
        .orUpdate(['updated_at'], ['user_id'])
        .updateEntity(false)
        .execute();
      row = await this.manager.findOneBy(AccountEntity, { user_id: userId });
    }
    if (!row) throw new Error(`account ${userId} vanished while locked`);
    if (row.currency !== currency) throw new Error(`account ${userId} holds ${row.currency}; a ${currency} posting cannot apply to it`);
    return row;
  }

  private lockedRow(userId: string): Promise<AccountRow | null> {
    if (this.dialect === 'sqlite') return this.manager.findOneBy(AccountEntity, { user_id: userId });
    return this.manager.findOne(AccountEntity, { where: { user_id: userId }, lock: { mode: 'pessimistic_write' } });
  }
}
