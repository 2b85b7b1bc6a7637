import { AccountErrorCode } from '../../../domain/account';
import { defineRoutes } from '../../context-routes';
import { accountRoutes as shopperAccountRoutes } from './account';
import { adminAccountRoutes } from './admin-accounts';

const ACCOUNT_STATUS: Record<AccountErrorCode, number> = {
  INSUFFICIENT_CREDIT: 402,
};

/** A shopper's balance and ledger; admins' credit adjustments. */
export const accountRoutes = defineRoutes(async (app, deps) => {
  await app.register(shopperAccountRoutes, deps);
  await app.register(adminAccountRoutes, deps);
}, ACCOUNT_STATUS);
