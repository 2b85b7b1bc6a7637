import { on, defineFeature } from '../../routing/feature';
import { fulfil, onAdminOrdersCommand, onFulfilCommand, onOrderCommand, showAdminOrders, showOrderStory } from './admin-orders';
import { adminOrdersActions } from './admin-orders-actions';
import { onRefundCommand } from './refund';
import { onStuckCommand, showStuckOrders } from './stuck-orders';

export const adminOrdersFeature = defineFeature({
  name: 'admin-orders',
  actions: [
    on(adminOrdersActions.adminOrders, (ctx, svc, a) => showAdminOrders(ctx, svc, a.status, a.page)),
    on(adminOrdersActions.stuckOrders, (ctx, svc, a) => showStuckOrders(ctx, svc, a.minutes, a.page)),
    on(adminOrdersActions.orderStory, (ctx, svc, a) => showOrderStory(ctx, svc, a.orderNo)),
    on(adminOrdersActions.fulfil, (ctx, svc, a) => fulfil(ctx, svc, a.orderNo, null)),
  ],
  adminCommands: {
    orders: (ctx, svc, args) => onAdminOrdersCommand(ctx, svc, args),
    order: (ctx, svc, args) => onOrderCommand(ctx, svc, args),
    refund: (ctx, svc, args) => onRefundCommand(ctx, svc, args),
    fulfil: (ctx, svc, args) => onFulfilCommand(ctx, svc, args),
    stuck: (ctx, svc, args) => onStuckCommand(ctx, svc, args),
  },
});
