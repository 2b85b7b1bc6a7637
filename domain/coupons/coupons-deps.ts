import { CatalogRepositories } from '../catalog';
import { Clock } from '../shared/clock';
import { TxBase, UnitOfWork } from '../shared/unit-of-work';
import { CouponRepository } from './coupon-repository';

/** What coupons add to a transaction. */
export interface CouponsRepositories {
  coupons: CouponRepository;
}

/** Coupons read the catalog's category tree (a category scope covers the categories below it). */
export type CouponsTx = TxBase & CouponsRepositories & CatalogRepositories;

export interface CouponsDeps {
  uow: UnitOfWork<CouponsRepositories & CatalogRepositories>;
  clock: Clock;
  limits: { currency: string };
}
