import { defineJob } from '../infrastructure/scheduling/scheduled-job';

/** REFUNDING orders, asked about until the provider says final. */
export const syncRefundsJob = defineJob({
  name: 'sync-refunds',
  schedule: '0 * * * * *',
  batch: 100,
  needs: 'payment-provider',
  run: ({ shop }, batch) => shop.payment.syncRefunds(batch),
});
