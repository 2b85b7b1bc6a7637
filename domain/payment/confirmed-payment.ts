import { Minor } from '../shared/money';
import { DomainError } from '../shared/result';

/** Money the provider (or the credit balance) confirmed for an order's — or a checkout's — payment. */
export interface ConfirmedPayment {
  orderNo: string;
  outTradeNo: string;
  provider: string;
  transactionId: string;
  amount: Minor;
  currency: string;
  paidAt: Date;
}

export type RecordPaymentError = DomainError<'ORDER_NOT_FOUND' | 'ORDER_CLOSED' | 'ORDER_NOT_PAYABLE' | 'AMOUNT_MISMATCH'>;
