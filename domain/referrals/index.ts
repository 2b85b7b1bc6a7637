// The referrals context's public face.
export { REFERRALS_ERROR_CODES, referralsContext } from './referrals-context';
export type { ReferralsErrorCode } from './referrals-context';
export type { ReferralsDeps, ReferralsRepositories } from './referrals-deps';
export { REFERRAL_STATUSES, referralCodeOf, referralsOn, referrerOfCode } from './referral';
export type { Referral, ReferralStatus, ReferralTerms } from './referral';
export type { ReferralCandidate, ReferralRepository } from './referral-repository';
export type { ReferralInfo } from './referral-info';
export type { RewardReport } from './reward-referrals';
