import { DomainError, Result, fail, ok } from '../shared/result';
import { referrerOfCode } from './referral';
import { ReferralsDeps } from './referrals-deps';

export type LinkReferralError = DomainError<'REFERRAL_CODE_UNKNOWN' | 'REFERRAL_SELF' | 'REFERRAL_NOT_NEW' | 'REFERRAL_EXISTS' | 'REFERRAL_LOOP'>;

/** Deep enough for any real chain; a longer walk is a loop the link would close, or abuse. */
const MAX_CHAIN = 50;

/**
 * `/start ref_<code>`: links a new shopper (no order placed yet, not linked before) to who invited them. Refused:
 * an unknown code, oneself, and a link that would close a loop (A invited B, B now "invites" A).
 */
export async function linkReferral(deps: ReferralsDeps, refereeId: string, code: string): Promise<Result<{ referrerId: string }, LinkReferralError>> {
  const referrerId = referrerOfCode(code);
  if (referrerId === null) return fail('REFERRAL_CODE_UNKNOWN', 'not an invite code');
  if (referrerId === refereeId) return fail('REFERRAL_SELF', 'you cannot invite yourself');
  return deps.uow.run(async (tx): Promise<Result<{ referrerId: string }, LinkReferralError>> => {
    if (!(await tx.users.find(referrerId))) return fail('REFERRAL_CODE_UNKNOWN', 'nobody has that invite code');
    if (await tx.referrals.find(refereeId)) return fail('REFERRAL_EXISTS', 'you were invited already');
    if (await tx.referrals.hasOrders(refereeId)) return fail('REFERRAL_NOT_NEW', 'invites are for new shoppers');
    let up: string | null = referrerId;
    for (let depth = 0; up !== null && depth < MAX_CHAIN; depth++) {
      up = await tx.referrals.referrerOf(up);
      if (up === refereeId) return fail('REFERRAL_LOOP', 'that would make a loop of invites');
    }
    if (up !== null) return fail('REFERRAL_LOOP', 'the chain of invites is too long');
    const linked = await tx.referrals.link({ refereeId, referrerId, at: deps.clock.now() });
    return linked === 'LINKED' ? ok({ referrerId }) : fail('REFERRAL_EXISTS', 'you were invited already');
  });
}
