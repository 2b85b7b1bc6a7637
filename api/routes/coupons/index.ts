import { CouponsErrorCode } from '../../../domain/coupons';
import { defineRoutes } from '../../context-routes';
import { couponRoutes as routes } from './coupons';

const COUPONS_STATUS: Record<CouponsErrorCode, number> = {
  COUPON_NOT_FOUND: 404,
  COUPON_EXPIRED: 409,
  COUPON_NOT_STARTED: 409,
  COUPON_USED_UP: 409,
  COUPON_LIMIT_PER_SHOPPER: 409,
  COUPON_MIN_TOTAL: 409,
  COUPON_NOT_APPLICABLE: 409,
  COUPON_FIRST_ORDER_ONLY: 409,
  COUPON_CODE_TAKEN: 409,
};

export const couponRoutes = defineRoutes(async (app, deps) => {
  await app.register(routes, deps);
}, COUPONS_STATUS);
