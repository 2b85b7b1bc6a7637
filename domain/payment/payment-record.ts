export type PaymentStatus = 'PENDING' | 'SUCCEEDED' | 'CLOSED' | 'FAILED';

/** A pay order at a provider (or the credit balance) for one order. */
export interface PaymentRecord {
  id: number;
  orderNo: string;
  provider: string;
  outTradeNo: string;
  amount: number;
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
  /** PENDING → SUCCEEDED with the transaction id; false when it was not PENDING. */
  markSucceeded(outTradeNo: string, transactionId: string, paidAt: Date): Promise<boolean>;
  /** Records the QR code the provider gave; only while PENDING. */
  setCodeUrl(outTradeNo: string, codeUrl: string, expiresAt: Date): Promise<boolean>;
  /** PENDING → CLOSED. */
  markClosed(outTradeNo: string): Promise<boolean>;
}
