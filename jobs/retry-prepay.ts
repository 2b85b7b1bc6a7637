import { defineJob } from '../infrastructure/scheduling/scheduled-job';

/** CREATED orders whose QR could not be made: the same out_trade_no again. */
export const retryPrepayJob = defineJob({
  name: 'retry-prepay',
  schedule: '*/15 * * * * *',
  batch: 50,
  needs: 'payment-provider',
  run: ({ shop }, batch) => shop.payment.retryPrepay(batch),
});
