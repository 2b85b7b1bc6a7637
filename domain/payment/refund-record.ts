import { OrderStatus } from '../ordering';
import { Minor } from '../shared/money';

export type RefundStatus = 'PROCESSING' | 'SUCCEEDED' | 'FAILED';

/**
 * ORDER: (part of) the order's price, which moves the order through REFUNDING. DUPLICATE_PAYMENT: the whole of a
 * second charge for an order already paid, refunded by that charge's transaction id; the order is left as it is.
 */
export const REFUND_KINDS = ['ORDER', 'DUPLICATE_PAYMENT'] as const;
export type RefundKind = (typeof REFUND_KINDS)[number];

/** Money going back to a shopper for (part of) an order: through the provider, or back to the credit balance. */
export interface RefundRecord {
  id: number;
  /** Idempotent at the provider: the same out_refund_no never refunds twice. */
  outRefundNo: string;
  orderNo: string;
  /** The payment's provider (`wechatpay`, `credit`, …). */
  provider: string;
  outTradeNo: string;
  amount: Minor;
  currency: string;
  reason: string;
  status: RefundStatus;
  /** Where the order returns if the refund fails (it is REFUNDING meanwhile). */
  orderStatusBefore: OrderStatus;
  providerRefundId: string | null;
  lastError: string | null;
  /** When refund sync should ask the provider again (null once final). */
  nextCheckAt: Date | null;
  createdAt: Date;
  completedAt: Date | null;
  kind: RefundKind;
  /** The provider transaction this refund returns, when it is not the order's payment (a duplicate payment). */
  transactionId: string | null;
}

export type NewRefund = Omit<RefundRecord, 'id' | 'providerRefundId' | 'lastError' | 'completedAt'>;

export interface RefundRepository {
  /** 'DUPLICATE' when the out_refund_no exists already. */
  insert(refund: NewRefund): Promise<RefundRecord | 'DUPLICATE'>;
  findByOutRefundNo(outRefundNo: string): Promise<RefundRecord | null>;
  findByOrder(orderNo: string): Promise<RefundRecord[]>;
  /** PROCESSING → SUCCEEDED; false when it was not PROCESSING (a duplicate notification, a racing sync). */
  markSucceeded(outRefundNo: string, providerRefundId: string | null, at: Date): Promise<boolean>;
  /** PROCESSING → FAILED with the reason; false when it was not PROCESSING. */
  markFailed(outRefundNo: string, error: string, at: Date): Promise<boolean>;
  /** While PROCESSING: remember the provider's refund id and when to ask again. */
  scheduleCheck(outRefundNo: string, providerRefundId: string | null, nextCheckAt: Date, lastError: string | null): Promise<boolean>;
  /** PROCESSING refunds created before `createdBefore` (money on its way back for too long), oldest first, with their total. */
  listStuck(createdBefore: Date, limit: number, offset: number): Promise<{ items: RefundRecord[]; total: number }>;
  /** PROCESSING refunds whose next check is due, oldest check first. */
  findChecksDue(now: Date, limit: number): Promise<RefundRecord[]>;
}
