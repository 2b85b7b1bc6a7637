import { defineContext } from '../shared/context';
import { orderStory } from './order-story';
import { ReportingDeps } from './reporting-deps';
import { salesStats } from './sales-stats';
import { StuckOrdersQuery, stuckOrders } from './stuck-orders';

/** What admins read about the shop: sales, an order's whole story, the orders stuck on their way. (Reconcile runs apart: scripts/reconcile.ts.) */
export function reportingContext(deps: ReportingDeps) {
  return defineContext({
    salesStats: (utcOffsetMinutes: number) => salesStats(deps, utcOffsetMinutes),
    orderStory: (orderNo: string) => orderStory(deps, orderNo),
    stuckOrders: (query: StuckOrdersQuery = {}) => stuckOrders(deps, query),
  });
}
