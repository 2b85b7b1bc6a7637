import { defineJob } from '../infrastructure/scheduling/scheduled-job';

/** Shipped orders past their option's days + grace that the shopper did not confirm: completed, the seller credited. */
export const completeShippedOrdersJob = defineJob({
  name: 'complete-shipped-orders',
  schedule: '45 */5 * * * *',
  batch: 100,
  run: ({ shop }, batch) => shop.ordering.completeShippedOrders(batch),
});
