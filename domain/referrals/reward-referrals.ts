import { shopperNotice } from '../messaging';
import { Minor, ZERO, addMinor, minor } from '../shared/money';
import { referralsOn } from './referral';
import { ReferralCandidate } from './referral-repository';
import { ReferralsDeps, ReferralsTx } from './referrals-deps';

export type RewardReport = {
  rewarded: number;
  voided: number;
  capped: number;
};

/**
 * The job: every pending referral whose referee's first delivered order has outlived the grace period is decided
 * once — refunded (in part, in whole, or a refund under way) → VOID; a cap reached → CAPPED; else both shoppers get
 * their credit (ledger references `referral:<referee>:…`, so a replay cannot post twice) and are told. Each in its
 * own transaction, decided by a conditional update; the job lock runs one of these at a time across instances, so
 * the caps' counts cannot be raced.
 */
export async function rewardReferrals(deps: ReferralsDeps, batch: number): Promise<RewardReport> {
  const report: RewardReport = { rewarded: 0, voided: 0, capped: 0 };
  const terms = deps.referralTerms;
  if (!referralsOn(terms)) return report;
  const now = deps.clock.now();
  const due = await deps.uow.read((r) => r.referrals.due(new Date(now.getTime() - terms.graceMs), batch));
  for (const candidate of due) {
    const outcome = await deps.uow.run((tx) => decide(deps, tx, candidate, now));
    if (outcome === 'REWARDED') report.rewarded++;
    else if (outcome === 'VOID') report.voided++;
    else if (outcome === 'CAPPED') report.capped++;
  }
  return report;
}

async function decide(deps: ReferralsDeps, tx: ReferralsTx, candidate: ReferralCandidate, now: Date): Promise<'REWARDED' | 'VOID' | 'CAPPED' | 'TAKEN'> {
  const terms = deps.referralTerms;
  const { refereeId, referrerId } = candidate.referral;
  const decision = { orderNo: candidate.orderNo, at: now, referrerCredit: ZERO, refereeCredit: ZERO };
  if (candidate.refunded) return (await tx.referrals.decide(refereeId, { ...decision, status: 'VOID' })) ? 'VOID' : 'TAKEN';
  const bonus = addMinor(terms.referrerCredit, terms.refereeCredit);
  const stats = await tx.referrals.statsOf(referrerId);
  const overTotal = terms.maxTotal > 0 && (await tx.referrals.totalPaid()) + bonus > terms.maxTotal;
  if (stats.rewarded >= terms.maxPerReferrer || overTotal)
    return (await tx.referrals.decide(refereeId, { ...decision, status: 'CAPPED' })) ? 'CAPPED' : 'TAKEN';
  const won = await tx.referrals.decide(refereeId, {
    ...decision,
    status: 'REWARDED',
    referrerCredit: terms.referrerCredit,
    refereeCredit: terms.refereeCredit,
  });
  if (!won) return 'TAKEN';
  await credit(
    deps,
    tx,
    referrerId,
    terms.referrerCredit,
    `Referral bonus: a shopper you invited (${refereeId}) received order ${candidate.orderNo}`,
    `referral:${refereeId}:referrer`,
    now,
  );
  await credit(deps, tx, refereeId, terms.refereeCredit, `Referral bonus: welcome (invited by ${referrerId})`, `referral:${refereeId}:referee`, now);
  return 'REWARDED';
}

async function credit(deps: ReferralsDeps, tx: ReferralsTx, userId: string, amount: Minor, reason: string, reference: string, at: Date): Promise<void> {
  if (amount <= 0) return;
  const posted = await tx.accounts.post({ userId, amount: minor(amount), currency: deps.limits.currency, kind: 'REFERRAL', reason, reference, at });
  if (posted.status === 'APPLIED') await tx.outbox.enqueue([shopperNotice({ userId, event: 'REFERRAL_REWARDED', amount }, reference)], at);
}
