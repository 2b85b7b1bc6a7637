import type { BotContext } from '../bot-context';
import type { BotServices } from '../bot-services';
import { ADMIN_ACTIONS, Action, decodeAction } from '../callback-data';
import { fulfil, showAdminOrders, showOrderStory } from '../admin/admin-orders';
import { showAdminMenu } from '../admin/admin-menu';
import { cancelBroadcast, confirmBroadcast } from '../admin/broadcast';
import { runJob, showJobs } from '../admin/jobs';
import { cancelInput, startWizard, wizardKind } from '../admin/product-wizard';
import { askForEdit, setVisible, showAdminProduct, showProducts } from '../admin/products';
import { showStats } from '../admin/stats';
import { showBalance } from '../shopper/balance';
import { clearCart, setQuantity, showCart } from '../shopper/cart';
import { addToCart, openProduct, showCatalog } from '../shopper/catalog';
import { chooseHowToPay, payFromCart } from '../shopper/checkout';
import { setLanguage, showLanguages } from '../shopper/language';
import { onMenu } from '../shopper/menu';
import { showMyOrders, showOrder } from '../shopper/my-orders';
import { cancelOrder, checkPayment, showQr } from '../shopper/payment-actions';
import { answer } from '../ui/replies';

async function dispatch(ctx: BotContext, svc: BotServices, a: Action): Promise<void> {
  switch (a.k) {
    case 'menu':
      await answer(ctx);
      return onMenu(ctx);
    case 'catalog':
      return showCatalog(ctx, svc, a.page);
    case 'product':
      return openProduct(ctx, svc, a.id);
    case 'addToCart':
      return addToCart(ctx, svc, a.id, a.qty);
    case 'cart':
      return showCart(ctx, svc);
    case 'setQty':
      return setQuantity(ctx, svc, a.id, a.qty);
    case 'clearCart':
      return clearCart(ctx, svc);
    case 'checkout':
      return chooseHowToPay(ctx, svc, a.nonce);
    case 'pay':
      return payFromCart(ctx, svc, a.method, a.nonce);
    case 'checkPayment':
      return checkPayment(ctx, svc, a.orderNo);
    case 'cancelOrder':
      return cancelOrder(ctx, svc, a.orderNo);
    case 'showQr':
      return showQr(ctx, svc, a.orderNo);
    case 'myOrders':
      return showMyOrders(ctx, svc);
    case 'order':
      return showOrder(ctx, svc, a.orderNo);
    case 'balance':
      return showBalance(ctx, svc);
    case 'languages':
      return showLanguages(ctx);
    case 'setLanguage':
      return setLanguage(ctx, svc, a.lang);
    case 'adminMenu':
      return showAdminMenu(ctx);
    case 'stats':
      return showStats(ctx, svc);
    case 'adminOrders':
      return showAdminOrders(ctx, svc, a.status);
    case 'orderStory':
      return showOrderStory(ctx, svc, a.orderNo);
    case 'fulfil':
      return fulfil(ctx, svc, a.orderNo, null);
    case 'products':
      return showProducts(ctx, svc, a.page);
    case 'adminProduct':
      return showAdminProduct(ctx, svc, a.id);
    case 'editProduct':
      return askForEdit(ctx, a.id, a.field);
    case 'setVisible':
      return setVisible(ctx, svc, a.id, a.visible);
    case 'newProduct':
      return startWizard(ctx);
    case 'wizardKind':
      return wizardKind(ctx, svc, a.kind);
    case 'wizardCancel':
      return cancelInput(ctx);
    case 'jobs':
      return showJobs(ctx, svc);
    case 'runJob':
      return runJob(ctx, svc, a.name);
    case 'broadcastSend':
      return confirmBroadcast(ctx, svc, a.id);
    case 'broadcastCancel':
      return cancelBroadcast(ctx, a.id);
  }
}

/**
 * Every pressed button. Data that does not parse (stale, forged, garbage) and admin buttons pressed by anyone
 * else get the same polite "out of date" answer, and change nothing.
 */
export async function onCallbackQuery(ctx: BotContext, svc: BotServices): Promise<void> {
  const query = ctx.callbackQuery;
  const action = decodeAction(query && 'data' in query ? query.data : undefined);
  if (!action || (ADMIN_ACTIONS.has(action.k) && !ctx.isAdmin)) return answer(ctx, ctx.t('staleButton'), { alert: true });
  await dispatch(ctx, svc, action);
}
