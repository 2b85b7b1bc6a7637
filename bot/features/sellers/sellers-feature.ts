import { on, defineFeature } from '../../routing/feature';
import { sellersActions } from './sellers-actions';
import { cancelSell, onSell, sellAnswer } from './sell';
import {
  onAddItemCommand,
  onMyCodesCommand,
  onMyPriceCommand,
  onMyStockCommand,
  onPayoutCommand,
  onSellerImportDocument,
  sellerSetVisible,
  showSellerBalance,
  showSellerMenu,
  showSellerProduct,
  showSellerProducts,
} from './seller-shop';
import { showShop } from './shop-shelf';

const MAX_ANSWER = 1_000;

/** The marketplace in chat: becoming a seller, a seller's own shop, and a shop's shelf for shoppers. */
export const sellersFeature = defineFeature({
  name: 'sellers',
  actions: [
    on(sellersActions.shop, (ctx, svc, a) => showShop(ctx, svc, a.id, a.page)),
    on(sellersActions.sellerMenu, (ctx, svc) => showSellerMenu(ctx, svc)),
    on(sellersActions.sellerProducts, (ctx, svc, a) => showSellerProducts(ctx, svc, a.page)),
    on(sellersActions.sellerProduct, (ctx, svc, a) => showSellerProduct(ctx, svc, a.id)),
    on(sellersActions.sellerSetVisible, (ctx, svc, a) => sellerSetVisible(ctx, svc, a.id, a.visible)),
    on(sellersActions.sellerBalance, (ctx, svc) => showSellerBalance(ctx, svc)),
    on(sellersActions.sellApplyCancel, (ctx) => cancelSell(ctx)),
  ],
  commands: {
    sell: (ctx, svc) => onSell(ctx, svc),
    payout: (ctx, svc, args) => onPayoutCommand(ctx, svc, args),
    additem: (ctx, svc, args) => onAddItemCommand(ctx, svc, args),
    myprice: (ctx, svc, args) => onMyPriceCommand(ctx, svc, args),
    mystock: (ctx, svc, args) => onMyStockCommand(ctx, svc, args),
    mycodes: (ctx, svc, args) => onMyCodesCommand(ctx, svc, args),
  },
  onText: async (ctx, svc, text) => {
    if (!ctx.session.sellApplication || text.length > MAX_ANSWER) return false;
    await sellAnswer(ctx, svc, text);
    return true;
  },
  // An admin's files are the admin importer's (that feature comes first); a seller's go to their own shop.
  onDocument: (ctx, svc, message) => onSellerImportDocument(ctx, svc, message),
});
