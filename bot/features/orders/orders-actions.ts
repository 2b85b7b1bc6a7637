import { defineAction, orderNoField, pageField } from '../../routing/action-codec';

export const ordersActions = {
  checkPayment: defineAction('checkPayment', 'ck', { orderNo: orderNoField }),
  cancelOrder: defineAction('cancelOrder', 'cx', { orderNo: orderNoField }),
  showQr: defineAction('showQr', 'rt', { orderNo: orderNoField }),
  myOrders: defineAction('myOrders', 'mo', { page: pageField }),
  order: defineAction('order', 'o', { orderNo: orderNoField }),
};
