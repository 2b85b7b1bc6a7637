import { ReferralsErrorCode } from '../../../domain/referrals';
import { defineRoutes } from '../../context-routes';
import { referralRoutes as routes } from './referrals';

const REFERRALS_STATUS: Record<ReferralsErrorCode, number> = {
  REFERRAL_CODE_UNKNOWN: 404,
  REFERRAL_SELF: 409,
  REFERRAL_NOT_NEW: 409,
  REFERRAL_EXISTS: 409,
  REFERRAL_LOOP: 409,
};

export const referralRoutes = defineRoutes(async (app, deps) => {
  await app.register(routes, deps);
}, REFERRALS_STATUS);
