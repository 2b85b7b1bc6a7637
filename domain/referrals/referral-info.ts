import { Minor } from '../shared/money';
import { Referral, ReferralTerms, referralCodeOf } from './referral';
import { ReferralsDeps } from './referrals-deps';

export interface ReferralInfo {
  code: string;
  /** Shoppers this one invited, how many of them paid out, and the credit it earned. */
  invited: number;
  rewarded: number;
  earned: Minor;
  /** Who invited this shopper, and where that stands. */
  invitedBy: Referral | null;
  terms: ReferralTerms;
  /** The shop's currency: the credits are in it. */
  currency: string;
}

/** A shopper's invite code and what it brought them (for /invite and GET /v1/referrals). */
export async function referralInfo(deps: ReferralsDeps, userId: string): Promise<ReferralInfo> {
  const [stats, invitedBy] = await deps.uow.read((r) => Promise.all([r.referrals.statsOf(userId), r.referrals.find(userId)]));
  return { code: referralCodeOf(userId), ...stats, invitedBy, terms: deps.referralTerms, currency: deps.limits.currency };
}
