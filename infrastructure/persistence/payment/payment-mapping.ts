import { minor } from '../../../domain/shared/money';
import { NewPayment, PaymentRecord, PaymentStatus } from '../../../domain/payment';
import { oneOf, toDate, toDateOrNull, toMs, toMsOrNull } from '../columns';
import { PaymentRow } from './payment-entity';

/** What `PaymentRepository.findChecksDue` returns per payment. */
export type PaymentCheck = PaymentRecord & { nextCheckAt: Date | null; checkAttempts: number };

const PAYMENT_STATUSES: readonly PaymentStatus[] = ['PENDING', 'SUCCEEDED', 'CLOSED', 'FAILED'];

export const paymentFromRow = (row: PaymentRow): PaymentRecord => ({
  id: row.id,
  orderNo: row.order_no,
  provider: row.provider,
  outTradeNo: row.out_trade_no,
  amount: minor(row.amount),
  currency: row.currency,
  status: oneOf(PAYMENT_STATUSES, row.status, 'payments.status'),
  codeUrl: row.code_url,
  expiresAt: toDateOrNull(row.expires_at),
  transactionId: row.transaction_id,
  createdAt: toDate(row.created_at),
  paidAt: toDateOrNull(row.paid_at),
});

export const paymentRowFromNew = (payment: NewPayment): Omit<PaymentRow, 'id'> => ({
  order_no: payment.orderNo,
  provider: payment.provider,
  out_trade_no: payment.outTradeNo,
  amount: payment.amount,
  currency: payment.currency,
  status: payment.status,
  code_url: payment.codeUrl,
  expires_at: toMsOrNull(payment.expiresAt),
  transaction_id: payment.transactionId,
  created_at: toMs(payment.createdAt),
  paid_at: toMsOrNull(payment.paidAt),
  next_check_at: null,
  check_attempts: 0,
});

export const paymentCheckFromRow = (row: PaymentRow): PaymentCheck => ({
  ...paymentFromRow(row),
  nextCheckAt: toDateOrNull(row.next_check_at),
  checkAttempts: row.check_attempts,
});
