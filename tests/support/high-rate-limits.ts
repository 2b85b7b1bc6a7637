/**
 * The API rate limits set far above a test's load: every test request comes from one address, far faster than a
 * person. The limits stay on (counted); tests/api/rate-limits.test.ts is where they are met.
 */
export const HIGH_RATE_LIMITS = {
  RATE_LIMIT_PER_IP: '1000000',
  RATE_LIMIT_PER_SHOPPER: '1000000',
  RATE_LIMIT_ORDERS_PER_SHOPPER: '1000000',
  RATE_LIMIT_CHECKS_PER_SHOPPER: '1000000',
  RATE_LIMIT_CHECKS_PER_ORDER: '1000000',
};
