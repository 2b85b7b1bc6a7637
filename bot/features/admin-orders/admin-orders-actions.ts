import { ORDER_STATUSES, OrderStatus } from '../../../domain/ordering';
import { codedField, defineAction, orderNoField } from '../../routing/action-codec';

const admin = { adminOnly: true };

/** A status filter, or `*` for all. */
const statusFilter = codedField<OrderStatus | null>([[null, '*'], ...ORDER_STATUSES.map((s) => [s, s] as const)]);

export const adminOrdersActions = {
  adminOrders: defineAction('adminOrders', 'ao', { status: statusFilter }, admin),
  orderStory: defineAction('orderStory', 'os', { orderNo: orderNoField }, admin),
  fulfil: defineAction('fulfil', 'ff', { orderNo: orderNoField }, admin),
};
