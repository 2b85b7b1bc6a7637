import { defineJob } from '../infrastructure/scheduling/scheduled-job';

/** Tickets whose shopper has waited past SUPPORT_REMIND_AFTER_MINUTES for staff: the admins are told, once per waiting period. */
export const remindUnansweredTicketsJob = defineJob({
  name: 'remind-unanswered-tickets',
  schedule: '0 * * * * *',
  batch: 100,
  run: async ({ shop }, batch) => ({ ...(await shop.support.remindUnanswered(batch)) }),
});
