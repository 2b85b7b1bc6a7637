import { ORDER_STATUSES, OrderStatus } from '../../../domain/ordering';
import { MAX_STUCK_AFTER_MINUTES } from '../../../domain/reporting';
import { codedField, defineAction, intField, orderNoField, pageField } from '../../routing/action-codec';

const admin = { adminOnly: true };

/** A status filter, or `*` for all. */
const statusFilter = codedField<OrderStatus | null>([[null, '*'], ...ORDER_STATUSES.map((s) => [s, s] as const)]);

export const adminOrdersActions = {
  adminOrders: defineAction('adminOrders', 'ao', { status: statusFilter, page: pageField }, admin),
  /** `/stuck [minutes]`: the minutes travel with the page so ◀ / ▶ keep the threshold asked for. */
  stuckOrders: defineAction('stuckOrders', 'so', { minutes: intField(1, MAX_STUCK_AFTER_MINUTES), page: pageField }, admin),
  orderStory: defineAction('orderStory', 'os', { orderNo: orderNoField }, admin),
  fulfil: defineAction('fulfil', 'ff', { orderNo: orderNoField }, admin),
};
