import { CouponsRepositories } from '../../../domain/coupons';
import { definePersistence } from '../persistence-part';
import { CouponEntity, CouponRedemptionEntity } from './coupon-entity';
import { TypeormCouponRepository } from './typeorm-coupon-repository';

export const couponsPersistence = definePersistence<CouponsRepositories>([CouponEntity, CouponRedemptionEntity], (manager) => ({
  coupons: new TypeormCouponRepository(manager),
}));
