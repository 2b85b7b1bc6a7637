import { Minor } from '../shared/money';

export const LEDGER_KINDS = ['TOP_UP', 'PURCHASE', 'ADJUSTMENT', 'REFUND', 'REVERSAL', 'REFERRAL'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

export interface Account {
  userId: string;
  balance: Minor;
  currency: string;
}

export interface LedgerEntry {
  id: number;
  userId: string;
  /** Signed minor units: + credits the account, − debits it. */
  amount: Minor;
  balanceAfter: Minor;
  kind: LedgerKind;
  reason: string;
  /** Unique per account: the same reference can never post twice (e.g. `order:T2026…:topup`). */
  reference: string;
  createdAt: Date;
}

export interface Posting {
  userId: string;
  amount: Minor;
  currency: string;
  kind: LedgerKind;
  reason: string;
  reference: string;
  at: Date;
}

export type PostingOutcome =
  { status: 'APPLIED'; entry: LedgerEntry } | { status: 'INSUFFICIENT_FUNDS'; balance: Minor } | { status: 'DUPLICATE_REFERENCE'; entry: LedgerEntry };

/**
 * Balance plus append-only ledger. `post` locks the account row, refuses a reference it has seen, applies the amount
 * with a conditional update that never takes the balance below zero, and appends the entry with the balance after.
 */
export interface AccountRepository {
  find(userId: string): Promise<Account | null>;
  post(posting: Posting): Promise<PostingOutcome>;
  ledger(userId: string, limit: number): Promise<LedgerEntry[]>;
  findEntry(userId: string, reference: string): Promise<LedgerEntry | null>;
}
