import { defineJob } from '../infrastructure/scheduling/scheduled-job';

/** Seller orders past their seller's confirmation window: cancelled and refunded (that seller's share only). */
export const cancelUnconfirmedSellerOrdersJob = defineJob({
  name: 'cancel-unconfirmed-seller-orders',
  schedule: '15 * * * * *',
  batch: 100,
  run: ({ shop }, batch) => shop.payment.cancelUnconfirmedSellerOrders(batch),
});
