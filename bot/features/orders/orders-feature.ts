import { on, defineFeature } from '../../routing/feature';
import { showMyOrders, showOrder } from './my-orders';
import { ordersActions } from './orders-actions';
import { cancelOrder, checkPayment, showQr } from './payment-actions';

export const ordersFeature = defineFeature({
  name: 'orders',
  actions: [
    on(ordersActions.checkPayment, (ctx, svc, a) => checkPayment(ctx, svc, a.orderNo)),
    on(ordersActions.cancelOrder, (ctx, svc, a) => cancelOrder(ctx, svc, a.orderNo)),
    on(ordersActions.showQr, (ctx, svc, a) => showQr(ctx, svc, a.orderNo)),
    on(ordersActions.myOrders, (ctx, svc, a) => showMyOrders(ctx, svc, a.page)),
    on(ordersActions.order, (ctx, svc, a) => showOrder(ctx, svc, a.orderNo)),
  ],
  commands: {
    orders: (ctx, svc) => showMyOrders(ctx, svc),
    myorders: (ctx, svc) => showMyOrders(ctx, svc),
  },
});
