import { defineJob } from '../infrastructure/scheduling/scheduled-job';

/** Delivers orders, sends notices, executes refunds: the outbox, drained every few seconds (and right after each commit). */
export const outboxDispatchJob = defineJob({
  name: 'outbox-dispatch',
  schedule: '*/5 * * * * *',
  batch: 50,
  run: ({ outbox }) => outbox.drainOnce(),
});
