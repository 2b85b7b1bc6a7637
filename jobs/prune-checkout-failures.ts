import { defineJob } from '../infrastructure/scheduling/scheduled-job';

/** Failed checkouts older than the lockout window (and a day) count for nothing any more: deleted, oldest first. */
export const pruneCheckoutFailuresJob = defineJob({
  name: 'prune-checkout-failures',
  schedule: '0 */10 * * * *',
  batch: 1000,
  run: ({ shop }, batch) => shop.account.pruneCheckoutFailures(batch),
});
