import { defineJob } from '../infrastructure/scheduling/scheduled-job';

/** Referrals whose new shopper's first delivered order has outlived the grace period: paid, voided or capped, once. */
export const rewardReferralsJob = defineJob({
  name: 'reward-referrals',
  schedule: '0 * * * * *',
  batch: 200,
  run: ({ shop }, batch) => shop.referrals.rewardReferrals(batch),
});
