import { ScheduledJob } from '../infrastructure/scheduling/scheduled-job';
import { cancelUnconfirmedSellerOrdersJob } from './cancel-unconfirmed-seller-orders';
import { closeExpiredOrdersJob } from './close-expired-orders';
import { completeShippedOrdersJob } from './complete-shipped-orders';
import { indexMissingSearchTermsJob } from './index-missing-search-terms';
import { outboxDispatchJob } from './outbox-dispatch';
import { pruneCheckoutFailuresJob } from './prune-checkout-failures';
import { refreshPlatformCertificatesJob } from './refresh-platform-certificates';
import { remindUnansweredTicketsJob } from './remind-unanswered-tickets';
import { repairDroppedPaymentsJob } from './repair-dropped-payments';
import { retryDeliveriesJob } from './retry-deliveries';
import { retryPrepayJob } from './retry-prepay';
import { rewardReferralsJob } from './reward-referrals';
import { syncRefundsJob } from './sync-refunds';

/** Every scheduled job, one line each; the composition root registers them with the JobRunner as they are. */
export const JOBS: readonly ScheduledJob[] = [
  outboxDispatchJob,
  retryDeliveriesJob,
  repairDroppedPaymentsJob,
  closeExpiredOrdersJob,
  retryPrepayJob,
  syncRefundsJob,
  refreshPlatformCertificatesJob,
  indexMissingSearchTermsJob,
  rewardReferralsJob,
  remindUnansweredTicketsJob,
  cancelUnconfirmedSellerOrdersJob,
  completeShippedOrdersJob,
  pruneCheckoutFailuresJob,
];
