import { Ids } from '../shared/ids';
import { Minor } from '../shared/money';
import { PaymentMethod } from './order-types';

/** OPEN until paid or closed; a checkout is paid once, for its total, and closes only while unpaid. */
export const CHECKOUT_STATUSES = ['OPEN', 'PAID', 'CLOSED'] as const;
export type CheckoutStatus = (typeof CHECKOUT_STATUSES)[number];

/**
 * One purchase from several sellers: one order per seller under it and ONE payment for the total, whose
 * out_trade_no is the checkout's number. Each seller order then lives on by itself (confirmed, shipped, refunded).
 */
export interface CheckoutState {
  checkoutNo: string;
  userId: string;
  status: CheckoutStatus;
  currency: string;
  /** Σ of its seller orders' totals (lines + delivery fees): what the one payment is for. */
  totalAmount: Minor;
  paymentMethod: PaymentMethod;
  idempotencyKey: string | null;
  requestHash: string | null;
  createdAt: Date;
  expiresAt: Date;
  paidAt: Date | null;
  closedAt: Date | null;
}

export interface CheckoutRepository {
  /** The unique keys decide: (user, idempotency key) and the number. */
  insert(checkout: CheckoutState): Promise<'INSERTED' | 'DUPLICATE_IDEMPOTENCY_KEY' | 'DUPLICATE_CHECKOUT_NO'>;
  findByNo(checkoutNo: string): Promise<CheckoutState | null>;
  findByIdempotencyKey(userId: string, idempotencyKey: string): Promise<CheckoutState | null>;
  /** OPEN (or CLOSED: money after it closed) → PAID; false when it was PAID already. */
  markPaid(checkoutNo: string, at: Date): Promise<boolean>;
  /** OPEN → CLOSED; false when it was not OPEN. */
  markClosed(checkoutNo: string, at: Date): Promise<boolean>;
  /** A shopper's checkouts, newest first. */
  listByUser(userId: string, limit: number, offset: number): Promise<{ items: CheckoutState[]; total: number }>;
}

/** `C` + UTC yyyyMMddHHmmss + 10 random digits: like an order number, and a valid out_trade_no at both wallets. */
export function newCheckoutNo(now: Date, ids: Ids): string {
  const stamp = now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return `C${stamp}${ids.digits(10)}`;
}

export const CHECKOUT_NO_PATTERN = /^C\d{24}$/;

/** A payment's order number names a checkout (its seller orders share the payment) rather than one order. */
export const isCheckoutNo = (no: string): boolean => CHECKOUT_NO_PATTERN.test(no);
