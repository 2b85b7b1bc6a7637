import { defineJob } from '../infrastructure/scheduling/scheduled-job';

/** Past the pay window: query first, close at the provider, then here; stock released. */
export const closeExpiredOrdersJob = defineJob({
  name: 'close-expired-orders',
  schedule: '*/30 * * * * *',
  batch: 100,
  needs: 'payment-provider',
  run: ({ shop }, batch) => shop.payment.closeExpiredOrders(batch),
});
