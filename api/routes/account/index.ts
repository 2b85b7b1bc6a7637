import { AccountErrorCode } from '../../../domain/account';
import { defineRoutes } from '../../context-routes';
import { accountRoutes as shopperAccountRoutes } from './account';
import { adminAccountRoutes } from './admin-accounts';
import { adminLockoutRoutes } from './admin-lockouts';
import { shippingAddressRoutes } from './shipping-address';

const ACCOUNT_STATUS: Record<AccountErrorCode, number> = {
  INSUFFICIENT_CREDIT: 402,
  // Ends by itself: 429 with Retry-After, like the other cool-downs.
  CHECKOUT_LOCKED: 429,
  SHOPPER_NOT_FOUND: 404,
};

/** A shopper's balance and ledger; admins' credit adjustments. */
export const accountRoutes = defineRoutes(async (app, deps) => {
  await app.register(shopperAccountRoutes, deps);
  await app.register(adminAccountRoutes, deps);
  await app.register(adminLockoutRoutes, deps);
  await app.register(shippingAddressRoutes, deps);
}, ACCOUNT_STATUS);
