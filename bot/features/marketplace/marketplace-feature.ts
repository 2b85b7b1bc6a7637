import { on, defineFeature } from '../../routing/feature';
import { answer, show } from '../../ui/replies';
import { deliveryCommand } from './delivery-options-command';
import { continueMarketCheckout, takeAddress } from './market-checkout';
import { marketplaceActions } from './marketplace-actions';
import { orderReceived, sellerCancel, sellerConfirm, shipCommand } from './seller-order-buttons';
import { sellerFulfil, showSellerOrder, showSellerOrders } from './seller-order-screen';

/** Buying from several shops (delivery option per seller, the address) and the sellers' confirm / cancel / ship. */
export const marketplaceFeature = defineFeature({
  name: 'marketplace',
  actions: [
    on(marketplaceActions.sellerConfirm, (ctx, svc, a) => sellerConfirm(ctx, svc, a.orderNo)),
    on(marketplaceActions.sellerCancel, (ctx, svc, a) => sellerCancel(ctx, svc, a.orderNo)),
    on(marketplaceActions.sellerFulfil, (ctx, svc, a) => sellerFulfil(ctx, svc, a.orderNo)),
    on(marketplaceActions.sellerOrders, (ctx, svc, a) => showSellerOrders(ctx, svc, a.page)),
    on(marketplaceActions.sellerOrder, (ctx, svc, a) => showSellerOrder(ctx, svc, a.orderNo)),
    on(marketplaceActions.orderReceived, (ctx, svc, a) => orderReceived(ctx, svc, a.orderNo)),
    on(marketplaceActions.pickDelivery, async (ctx, svc, a) => {
      const market = ctx.session.market;
      // A button of an older checkout screen: the cart is shown again rather than mixing two checkouts.
      if (!market || market.nonce !== a.nonce || market.asking === undefined) return answer(ctx, ctx.t('staleButton'), { alert: true });
      market.delivery[String(market.asking)] = a.optionId;
      delete market.asking;
      await answer(ctx);
      await continueMarketCheckout(ctx, svc);
    }),
    on(marketplaceActions.useAddress, async (ctx, svc, a) => {
      const market = ctx.session.market;
      if (!market || market.nonce !== a.nonce) return answer(ctx, ctx.t('staleButton'), { alert: true });
      market.addressConfirmed = true;
      await continueMarketCheckout(ctx, svc);
    }),
    on(marketplaceActions.newAddress, async (ctx, _svc, a) => {
      const market = ctx.session.market;
      if (!market || market.nonce !== a.nonce) return answer(ctx, ctx.t('staleButton'), { alert: true });
      market.awaitingAddress = true;
      await answer(ctx);
      await show(ctx, ctx.t('marketAskAddress'));
    }),
  ],
  commands: { ship: shipCommand, delivery: deliveryCommand },
  onText: (ctx, svc, text) => takeAddress(ctx, svc, text),
});
