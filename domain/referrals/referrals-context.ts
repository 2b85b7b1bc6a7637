import { defineContext } from '../shared/context';
import { linkReferral } from './link-referral';
import { referralInfo } from './referral-info';
import { ReferralsDeps } from './referrals-deps';
import { rewardReferrals } from './reward-referrals';

export const REFERRALS_ERROR_CODES = ['REFERRAL_CODE_UNKNOWN', 'REFERRAL_SELF', 'REFERRAL_NOT_NEW', 'REFERRAL_EXISTS', 'REFERRAL_LOOP'] as const;
export type ReferralsErrorCode = (typeof REFERRALS_ERROR_CODES)[number];

/** Shoppers bring shoppers: invite codes, links, and credit for both once the new shopper's first order holds. */
export function referralsContext(deps: ReferralsDeps) {
  return defineContext(
    {
      linkReferral: (refereeId: string, code: string) => linkReferral(deps, refereeId, code),
      referralInfo: (userId: string) => referralInfo(deps, userId),
      rewardReferrals: (batch: number) => rewardReferrals(deps, batch),
    },
    { errorCodes: REFERRALS_ERROR_CODES },
  );
}
