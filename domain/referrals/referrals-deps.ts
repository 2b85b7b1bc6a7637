import { AccountRepositories } from '../account';
import { Clock } from '../shared/clock';
import { TxBase, UnitOfWork } from '../shared/unit-of-work';
import { ReferralTerms } from './referral';
import { ReferralRepository } from './referral-repository';

/** What referrals add to a transaction. */
export interface ReferralsRepositories {
  referrals: ReferralRepository;
}

export type ReferralsTx = TxBase & ReferralsRepositories & AccountRepositories;

export interface ReferralsDeps {
  /** Rewards are credit: posted to both accounts in the transaction that decides the referral. */
  uow: UnitOfWork<ReferralsRepositories & AccountRepositories>;
  clock: Clock;
  referralTerms: ReferralTerms;
  limits: { currency: string };
}
