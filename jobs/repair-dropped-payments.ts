import { defineJob } from '../infrastructure/scheduling/scheduled-job';

/** Asks the provider about unpaid QR orders (per-payment backoff, oldest check first: nothing starves). */
export const repairDroppedPaymentsJob = defineJob({
  name: 'repair-dropped-payments',
  schedule: '*/20 * * * * *',
  batch: 100,
  needs: 'payment-provider',
  run: ({ shop }, batch) => shop.payment.repairDroppedPayments(batch),
});
