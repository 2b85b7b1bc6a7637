// The reporting context's public face: what the doors and scripts may use.
export { reportingContext } from './reporting-context';
export type { ReportingDeps } from './reporting-deps';
export type { SalesStats } from './sales-stats';
export type { OrderStory, OrderStoryEvent } from './order-story';
export { DEFAULT_STUCK_AFTER_MINUTES, STUCK_REASONS } from './stuck-orders';
export type { StuckOrder, StuckOrdersQuery, StuckReason } from './stuck-orders';
export { reconcile, reconcileReport } from './reconcile';
export type { Discrepancy, DuplicatePaymentCount, ReconcileDeps, ReconcileReport } from './reconcile';
export type { ConsistencyChecks } from './consistency-checks';
