/**
 * Expected failures that belong to no one context: bad input, who is asking, the store or a rate limit. Each context
 * declares its own codes next to its use cases (`ORDERING_ERROR_CODES`, …); `ErrorCode` in domain/shop.ts is all of them.
 */
export const SHARED_ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'IDEMPOTENCY_KEY_REQUIRED',
  'RATE_LIMITED',
  'STORE_UNAVAILABLE',
] as const;

export type SharedErrorCode = (typeof SHARED_ERROR_CODES)[number];
