import { defineJob } from '../infrastructure/scheduling/scheduled-job';

/** PAID orders whose delivery failed, with exponential backoff; stuck after MAX_DELIVERY_ATTEMPTS (admins told). */
export const retryDeliveriesJob = defineJob({
  name: 'retry-deliveries',
  schedule: '*/30 * * * * *',
  batch: 100,
  run: async ({ shop }, batch) => ({ ...(await shop.ordering.retryDeliveries(batch)) }),
});
