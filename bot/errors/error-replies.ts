import { ErrorCode } from '../../domain/shop';
import { DomainError } from '../../domain/shared/result';
import { formatTime } from '../format/time';
import { TextKey, TextParams, Translate } from '../i18n/translate';

/** The one map from a domain error code to what the bot says (the bot's counterpart of api/errors.ts). */
export const ERROR_TEXT: Readonly<Record<ErrorCode, TextKey>> = {
  VALIDATION_FAILED: 'err_VALIDATION_FAILED',
  TICKET_NOT_FOUND: 'err_TICKET_NOT_FOUND',
  TICKET_ORDER_NOT_FOUND: 'err_TICKET_ORDER_NOT_FOUND',
  TICKET_CLOSED: 'err_TICKET_CLOSED',
  TICKET_NOT_CLOSED: 'err_TICKET_NOT_CLOSED',
  TICKET_ALREADY_OPEN: 'err_TICKET_ALREADY_OPEN',
  NO_OPEN_TICKET: 'err_NO_OPEN_TICKET',
  PRODUCT_IN_STOCK: 'err_PRODUCT_IN_STOCK',
  UNAUTHORIZED: 'err_UNAUTHORIZED',
  FORBIDDEN: 'err_FORBIDDEN',
  NOT_FOUND: 'err_NOT_FOUND',
  PRODUCT_NOT_FOUND: 'err_PRODUCT_NOT_FOUND',
  ORDER_NOT_FOUND: 'err_ORDER_NOT_FOUND',
  REVIEW_NOT_ALLOWED: 'err_REVIEW_NOT_ALLOWED',
  REVIEW_EXISTS: 'err_REVIEW_EXISTS',
  REVIEW_NOT_FOUND: 'err_REVIEW_NOT_FOUND',
  REFERRAL_CODE_UNKNOWN: 'err_REFERRAL_CODE_UNKNOWN',
  REFERRAL_SELF: 'err_REFERRAL_SELF',
  REFERRAL_NOT_NEW: 'err_REFERRAL_NOT_NEW',
  REFERRAL_EXISTS: 'err_REFERRAL_EXISTS',
  REFERRAL_LOOP: 'err_REFERRAL_LOOP',
  COUPON_NOT_FOUND: 'err_COUPON_NOT_FOUND',
  COUPON_EXPIRED: 'err_COUPON_EXPIRED',
  COUPON_NOT_STARTED: 'err_COUPON_NOT_STARTED',
  COUPON_USED_UP: 'err_COUPON_USED_UP',
  COUPON_LIMIT_PER_SHOPPER: 'err_COUPON_LIMIT_PER_SHOPPER',
  COUPON_MIN_TOTAL: 'err_COUPON_MIN_TOTAL',
  COUPON_NOT_APPLICABLE: 'err_COUPON_NOT_APPLICABLE',
  COUPON_FIRST_ORDER_ONLY: 'err_COUPON_FIRST_ORDER_ONLY',
  COUPON_CODE_TAKEN: 'err_COUPON_CODE_TAKEN',
  OUT_OF_STOCK: 'err_OUT_OF_STOCK',
  INSUFFICIENT_CREDIT: 'err_INSUFFICIENT_CREDIT',
  CHECKOUT_LOCKED: 'err_CHECKOUT_LOCKED',
  SHOPPER_NOT_FOUND: 'err_SHOPPER_NOT_FOUND',
  TOO_MANY_UNPAID_ORDERS: 'err_TOO_MANY_UNPAID_ORDERS',
  RESERVATION_LIMIT: 'err_RESERVATION_LIMIT',
  CANCEL_COOLDOWN: 'err_CANCEL_COOLDOWN',
  IDEMPOTENCY_KEY_REUSED: 'err_IDEMPOTENCY_KEY_REUSED',
  IDEMPOTENCY_KEY_REQUIRED: 'err_IDEMPOTENCY_KEY_REQUIRED',
  ORDER_CLOSED: 'err_ORDER_CLOSED',
  ORDER_NOT_PAYABLE: 'err_ORDER_NOT_PAYABLE',
  ORDER_NOT_FULFILLABLE: 'err_ORDER_NOT_FULFILLABLE',
  ORDER_NOT_CLOSABLE: 'err_ORDER_NOT_CLOSABLE',
  ORDER_NOT_REFUNDABLE: 'err_ORDER_NOT_REFUNDABLE',
  AMOUNT_MISMATCH: 'err_AMOUNT_MISMATCH',
  DUPLICATE_SKU: 'err_DUPLICATE_SKU',
  STOCK_FOLLOWS_CODES: 'err_STOCK_FOLLOWS_CODES',
  NOT_A_CODE_PRODUCT: 'err_NOT_A_CODE_PRODUCT',
  CATEGORY_NOT_FOUND: 'err_CATEGORY_NOT_FOUND',
  WEBHOOK_URL_NOT_ALLOWED: 'err_WEBHOOK_URL_NOT_ALLOWED',
  DUPLICATE_CATEGORY: 'err_DUPLICATE_CATEGORY',
  IMPORT_NOT_FOUND: 'err_IMPORT_NOT_FOUND',
  IMPORT_FILE_TOO_LARGE: 'err_IMPORT_FILE_TOO_LARGE',
  IMPORT_TAKEN_OVER: 'err_IMPORT_TAKEN_OVER',
  SELLER_NOT_FOUND: 'err_SELLER_NOT_FOUND',
  SELLER_EXISTS: 'err_SELLER_EXISTS',
  SELLER_NOT_ACTIVE: 'err_SELLER_NOT_ACTIVE',
  SELLER_STATE_CONFLICT: 'err_SELLER_STATE_CONFLICT',
  PAYOUT_NOT_FOUND: 'err_PAYOUT_NOT_FOUND',
  PAYOUT_NOT_COVERED: 'err_PAYOUT_NOT_COVERED',
  PAYMENT_METHOD_NOT_ALLOWED: 'err_PAYMENT_METHOD_NOT_ALLOWED',
  PAYMENT_METHOD_UNAVAILABLE: 'err_PAYMENT_METHOD_UNAVAILABLE',
  CART_EMPTY: 'err_CART_EMPTY',
  CART_FULL: 'err_CART_FULL',
  CHECKOUT_REQUIRED: 'err_CHECKOUT_REQUIRED',
  DELIVERY_OPTION_REQUIRED: 'err_DELIVERY_OPTION_REQUIRED',
  ADDRESS_REQUIRED: 'err_ADDRESS_REQUIRED',
  ORDER_NOT_CONFIRMABLE: 'err_ORDER_NOT_CONFIRMABLE',
  ORDER_NOT_CANCELLABLE: 'err_ORDER_NOT_CANCELLABLE',
  ORDER_NOT_SHIPPABLE: 'err_ORDER_NOT_SHIPPABLE',
  ORDER_NOT_RECEIVABLE: 'err_ORDER_NOT_RECEIVABLE',
  TOO_MANY_DELIVERY_OPTIONS: 'err_TOO_MANY_DELIVERY_OPTIONS',
  RATE_LIMITED: 'err_RATE_LIMITED',
  PROVIDER_UNAVAILABLE: 'err_PROVIDER_UNAVAILABLE',
  PRICE_CHANGED: 'err_PRICE_CHANGED',
  STORE_UNAVAILABLE: 'err_STORE_UNAVAILABLE',
};

/**
 * A domain failure as a polite sentence in the chat's language. Admins also see the use case's own explanation
 * (English, precise: "sku: must be 1–64 of …"), which tells them what to fix.
 */
export function errorText(t: Translate, error: DomainError<ErrorCode>, opts: { forAdmin?: boolean; utcOffsetMinutes?: number } = {}): string {
  const polite = t(ERROR_TEXT[error.code], textParams(error.details, opts.utcOffsetMinutes ?? 0));
  return opts.forAdmin ? `${polite}\n(${error.message})` : polite;
}

/** The numbers and words an error carries (a limit, seconds to wait) for the texts that name them. */
function textParams(details: DomainError['details'], utcOffsetMinutes: number): TextParams {
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(details ?? {})) if (typeof v === 'number' || typeof v === 'string') params[k] = v;
  // An instant (the end of a checkout lockout) is said in the shop's time zone, not as ISO text.
  if (typeof params.lockedUntil === 'string') params.lockedUntil = formatTime(new Date(params.lockedUntil), utcOffsetMinutes);
  return params;
}
