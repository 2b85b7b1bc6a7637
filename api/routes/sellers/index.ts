import { SellersErrorCode } from '../../../domain/sellers';
import { defineRoutes } from '../../context-routes';
import { adminSellerRoutes } from './admin-sellers';
import { publicSellerRoutes } from './public-sellers';
import { sellerAccountRoutes } from './seller-account';
import { sellerProductRoutes } from './seller-products';

const SELLERS_STATUS: Record<SellersErrorCode, number> = {
  SELLER_NOT_FOUND: 404,
  SELLER_EXISTS: 409,
  SELLER_NOT_ACTIVE: 403,
  SELLER_STATE_CONFLICT: 409,
  PAYOUT_NOT_FOUND: 404,
  PAYOUT_NOT_COVERED: 409,
};

/** The marketplace's shops: the public list, a seller's own products, balance and payouts, and the admins' decisions. */
export const sellersRoutes = defineRoutes(async (app, deps) => {
  await app.register(publicSellerRoutes, deps);
  await app.register(sellerAccountRoutes, deps);
  await app.register(sellerProductRoutes, deps);
  await app.register(adminSellerRoutes, deps);
}, SELLERS_STATUS);
