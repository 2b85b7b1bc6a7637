/**
 * Every expected failure a door may see, with its stable code. Doors map these once (HTTP status, chat reply);
 * adding a code here without a mapping is a type error in each door.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'PRODUCT_NOT_FOUND',
  'ORDER_NOT_FOUND',
  'OUT_OF_STOCK',
  'INSUFFICIENT_CREDIT',
  'TOO_MANY_UNPAID_ORDERS',
  'IDEMPOTENCY_KEY_REUSED',
  'IDEMPOTENCY_KEY_REQUIRED',
  'ORDER_CLOSED',
  'ORDER_NOT_PAYABLE',
  'ORDER_NOT_FULFILLABLE',
  'ORDER_NOT_CLOSABLE',
  'ORDER_NOT_REFUNDABLE',
  'AMOUNT_MISMATCH',
  'DUPLICATE_SKU',
  'STOCK_FOLLOWS_CODES',
  'NOT_A_CODE_PRODUCT',
  'PAYMENT_METHOD_NOT_ALLOWED',
  'PAYMENT_METHOD_UNAVAILABLE',
  'CART_EMPTY',
  'CART_FULL',
  'RATE_LIMITED',
  'PROVIDER_UNAVAILABLE',
  'STORE_UNAVAILABLE',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
