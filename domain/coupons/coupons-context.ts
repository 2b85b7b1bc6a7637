import { PageQuery } from '../shared/paging';
import { defineContext } from '../shared/context';
import { CouponInput } from './coupon-draft';
import { CouponsDeps } from './coupons-deps';
import { couponReport, createCoupon, getCoupon, listCoupons, updateCoupon } from './manage-coupons';

export const COUPONS_ERROR_CODES = [
  'COUPON_NOT_FOUND',
  'COUPON_EXPIRED',
  'COUPON_NOT_STARTED',
  'COUPON_USED_UP',
  'COUPON_LIMIT_PER_SHOPPER',
  'COUPON_MIN_TOTAL',
  'COUPON_NOT_APPLICABLE',
  'COUPON_FIRST_ORDER_ONLY',
  'COUPON_CODE_TAKEN',
] as const;
export type CouponsErrorCode = (typeof COUPONS_ERROR_CODES)[number];

/**
 * Coupons: what admins issue and read back. They are applied, counted and released by ordering and payment inside
 * their own transactions (`applyCouponInTx`, `redeemCouponInTx`, `releaseCouponInTx` on the face); coupons know
 * neither of them.
 */
export function couponsContext(deps: CouponsDeps) {
  return defineContext(
    {
      createCoupon: (input: CouponInput) => createCoupon(deps, input),
      updateCoupon: (code: string, input: CouponInput) => updateCoupon(deps, code, input),
      getCoupon: (code: string) => getCoupon(deps, code),
      listCoupons: (query: PageQuery & { active?: boolean | null }) => listCoupons(deps, query),
      couponReport: (code: string) => couponReport(deps, code),
    },
    { errorCodes: COUPONS_ERROR_CODES },
  );
}
