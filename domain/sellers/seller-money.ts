import { Minor } from '../shared/money';

export const SELLER_LEDGER_KINDS = ['sale', 'refund_clawback', 'payout', 'adjustment'] as const;
export type SellerLedgerKind = (typeof SELLER_LEDGER_KINDS)[number];

/** One line of a seller's append-only ledger; Σ amount = the balance. */
export interface SellerLedgerEntry {
  id: number;
  sellerId: number;
  kind: SellerLedgerKind;
  /** Signed: a sale's net (+), a clawback or payout (−). */
  amount: Minor;
  /** The platform's commission kept on a sale (0 for other kinds); a clawback gives back its share as a negative. */
  commission: Minor;
  orderNo: string | null;
  payoutId: string | null;
  /** Unique with (seller, kind, order): a sale's order number, a refund's reference, a payout's id. */
  reference: string;
  createdAt: Date;
}

export type NewSellerLedgerEntry = Omit<SellerLedgerEntry, 'id'>;

export interface SellerBalance {
  sellerId: number;
  /** May be negative: a debt from a refund after the money was paid out, shown to admins. */
  balance: Minor;
}

export type PostOutcome = { status: 'POSTED'; entry: SellerLedgerEntry } | { status: 'DUPLICATE' } | { status: 'NOT_COVERED'; balance: Minor };

export interface SellerMoneyRepository {
  /**
   * Appends the entry, then moves the balance by its amount — the unique (seller, kind, order, reference) makes an
   * entry happen once ('DUPLICATE', nothing changed). `covered`: the balance must stay ≥ 0 (a conditional UPDATE;
   * 'NOT_COVERED' leaves the entry for the caller's rollback, so only use it inside a use case that fails on it).
   */
  post(entry: NewSellerLedgerEntry, opts?: { covered?: boolean }): Promise<PostOutcome>;
  balance(sellerId: number): Promise<SellerBalance | null>;
  /** The sale line of an order, if it was credited. */
  saleOf(sellerId: number, orderNo: string): Promise<SellerLedgerEntry | null>;
  /** Newest first; `beforeId` pages back. */
  ledger(sellerId: number, opts: { beforeId?: number; limit: number }): Promise<SellerLedgerEntry[]>;
  /** What reconcile proves: shops whose balance is not the sum of their ledger, and the platform-wide sums. */
  books(limit: number): Promise<SellerBooks>;
  /** Sellers whose balance is below zero, most owed first. */
  debts(limit: number): Promise<SellerBalance[]>;
}

export const PAYOUT_STATUSES = ['requested', 'paid', 'cancelled'] as const;
export type PayoutStatus = (typeof PAYOUT_STATUSES)[number];

export interface SellerPayout {
  id: string;
  sellerId: number;
  amount: Minor;
  currency: string;
  status: PayoutStatus;
  /** The bank transfer's (or other) reference an admin recorded when paying it. */
  reference: string | null;
  requestedAt: Date;
  settledAt: Date | null;
}

export interface SellerPayoutRepository {
  insert(payout: SellerPayout): Promise<void>;
  findById(id: string): Promise<SellerPayout | null>;
  /** requested → paid|cancelled for that seller's payout only; the affected-row count decides (never paid twice). */
  settle(id: string, sellerId: number, to: 'paid' | 'cancelled', reference: string | null, now: Date): Promise<boolean>;
  list(query: { sellerId?: number; status?: PayoutStatus; offset: number; limit: number }): Promise<{ items: SellerPayout[]; total: number }>;
}

export interface SellerBooks {
  /** Shops whose balance differs from Σ of their ledger (none in a sound shop). */
  mismatches: Array<{ sellerId: number; balance: Minor; ledger: Minor }>;
  /** Payouts whose ledger lines do not match them (a payout line of −amount; a cancelled one given back once). */
  payoutMismatches: string[];
  totals: {
    balances: Minor;
    /** Commission kept on sales, net of what clawbacks gave back. */
    commissions: Minor;
    /** Net credited for sales (Σ sale lines). */
    sales: Minor;
    clawbacks: Minor;
    payoutsRequested: Minor;
    payoutsPaid: Minor;
  };
}
