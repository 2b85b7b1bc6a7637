import { ReferralsRepositories } from '../../../domain/referrals';
import { definePersistence } from '../persistence-part';
import { ReferralEntity } from './referral-entity';
import { TypeormReferralRepository } from './typeorm-referral-repository';

export const referralsPersistence = definePersistence<ReferralsRepositories>([ReferralEntity], (manager) => ({
  referrals: new TypeormReferralRepository(manager),
}));
