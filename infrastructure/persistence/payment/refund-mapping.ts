import { minor } from '../../../domain/shared/money';
import { ORDER_STATUSES } from '../../../domain/ordering';
import { NewRefund, REFUND_KINDS, RefundRecord, RefundStatus } from '../../../domain/payment';
import { clip, oneOf, toDate, toDateOrNull, toMs, toMsOrNull } from '../columns';
import { RefundRow } from './refund-entity';

const REFUND_STATUSES: readonly RefundStatus[] = ['PROCESSING', 'SUCCEEDED', 'FAILED'];

/** refunds.reason is VARCHAR(255): a longer note is cut, on both engines alike, rather than failing the refund. */
export const MAX_REASON_CHARS = 255;

/** Provider error texts can be long; the column is for a human looking at a stuck refund. */
export const MAX_REFUND_ERROR_CHARS = 2000;

export const refundFromRow = (row: RefundRow): RefundRecord => ({
  id: row.id,
  outRefundNo: row.out_refund_no,
  orderNo: row.order_no,
  provider: row.provider,
  outTradeNo: row.out_trade_no,
  amount: minor(row.amount),
  currency: row.currency,
  reason: row.reason,
  status: oneOf(REFUND_STATUSES, row.status, 'refunds.status'),
  orderStatusBefore: oneOf(ORDER_STATUSES, row.order_status_before, 'refunds.order_status_before'),
  providerRefundId: row.provider_refund_id,
  lastError: row.last_error,
  nextCheckAt: toDateOrNull(row.next_check_at),
  createdAt: toDate(row.created_at),
  completedAt: toDateOrNull(row.completed_at),
  kind: oneOf(REFUND_KINDS, row.kind, 'refunds.kind'),
  transactionId: row.transaction_id,
});

export const refundRowFromNew = (refund: NewRefund): Omit<RefundRow, 'id'> => ({
  out_refund_no: refund.outRefundNo,
  order_no: refund.orderNo,
  provider: refund.provider,
  out_trade_no: refund.outTradeNo,
  amount: refund.amount,
  currency: refund.currency,
  reason: clip(refund.reason, MAX_REASON_CHARS),
  status: refund.status,
  order_status_before: refund.orderStatusBefore,
  provider_refund_id: null,
  last_error: null,
  next_check_at: toMsOrNull(refund.nextCheckAt),
  created_at: toMs(refund.createdAt),
  completed_at: null,
  kind: refund.kind,
  transaction_id: refund.transactionId,
});
