// The coupons context's public face.
export { COUPONS_ERROR_CODES, couponsContext } from './coupons-context';
export type { CouponsErrorCode } from './coupons-context';
export type { CouponsDeps, CouponsRepositories, CouponsTx } from './coupons-deps';
export { COUPON_CODE_PATTERN, COUPON_KINDS, COUPON_SCOPES, FULL_PERCENT_BP, REDEMPTION_STATUSES, normaliseCouponCode } from './coupon';
export type { Coupon, CouponKind, CouponScope, CouponScopeKind, CouponTerms, RedemptionStatus } from './coupon';
export { allocate, couponDiscount } from './coupon-discount';
export type { CouponDiscount, CouponLine } from './coupon-discount';
export { validateCouponTerms } from './coupon-draft';
export type { CouponInput } from './coupon-draft';
export type { CouponRedemption, CouponRepository, CouponUsage } from './coupon-repository';
export { applyCouponInTx, checkCouponTerms, reclaimCouponInTx, redeemCouponInTx, releaseCouponInTx } from './apply-coupon';
export type { AppliedCoupon, CouponAsk, CouponError } from './apply-coupon';
export type { CouponReport, ManageCouponError } from './manage-coupons';
