import { Minor } from '../shared/money';

export type PaymentStatus = 'PENDING' | 'SUCCEEDED' | 'CLOSED' | 'FAILED';

/** A pay order at a provider (or the credit balance) for one order. */
export interface PaymentRecord {
  id: number;
  orderNo: string;
  provider: string;
  outTradeNo: string;
  amount: Minor;
  currency: string;
  status: PaymentStatus;
  codeUrl: string | null;
  expiresAt: Date | null;
  /** The provider's transaction id: unique per provider, so one payment is never counted twice. */
  transactionId: string | null;
  createdAt: Date;
  paidAt: Date | null;
}

export type NewPayment = Omit<PaymentRecord, 'id'>;

export interface PaymentRepository {
  insert(payment: NewPayment): Promise<PaymentRecord | 'DUPLICATE'>;
  findByOrder(orderNo: string): Promise<PaymentRecord[]>;
  findByOutTradeNo(outTradeNo: string): Promise<PaymentRecord | null>;
  /**
   * PENDING or CLOSED → SUCCEEDED with the transaction id (money can arrive after we closed our side: a late
   * payment is still a payment); false when it was already SUCCEEDED or FAILED.
   */
  markSucceeded(outTradeNo: string, transactionId: string, paidAt: Date): Promise<boolean>;
  /** Records the QR code the provider gave; only while PENDING. With `firstCheckAt`, also schedules its first repair check (attempts 0) in the same statement. */
  setCodeUrl(outTradeNo: string, codeUrl: string, expiresAt: Date, firstCheckAt?: Date): Promise<boolean>;
  /** PENDING → CLOSED. */
  markClosed(outTradeNo: string): Promise<boolean>;
  /**
   * Repair bookkeeping: when the provider should next be asked about this PENDING payment, and how often it was.
   * Checks back off per payment, so old unpaid orders never starve new ones.
   */
  scheduleCheck(outTradeNo: string, nextCheckAt: Date, checkAttempts: number): Promise<boolean>;
  /** PENDING payments of `provider` whose next check is due, ordered by (next_check_at, id), after the cursor id. */
  findChecksDue(
    provider: string,
    now: Date,
    limit: number,
    afterId: number,
  ): Promise<Array<PaymentRecord & { nextCheckAt: Date | null; checkAttempts: number }>>;
}
