import { on, defineFeature } from '../../routing/feature';
import { adminSellersActions } from './admin-sellers-actions';
import { decideSellerInChat, onPaidCommand, onTermsCommand, showAdminSellers, showPayouts } from './admin-sellers';

/** Admins run the marketplace in chat: applications and shops, their terms, payouts. */
export const adminSellersFeature = defineFeature({
  name: 'admin-sellers',
  actions: [
    on(adminSellersActions.adminSellers, (ctx, svc, a) => showAdminSellers(ctx, svc, a.page)),
    on(adminSellersActions.decideSeller, (ctx, svc, a) => decideSellerInChat(ctx, svc, a.id, a.decision)),
  ],
  adminCommands: {
    sellers: (ctx, svc) => showAdminSellers(ctx, svc, 1),
    commission: (ctx, svc, args) => onTermsCommand(ctx, svc, args, 'commissionBps'),
    window: (ctx, svc, args) => onTermsCommand(ctx, svc, args, 'confirmWindowMinutes'),
    autoconfirm: (ctx, svc, args) => onTermsCommand(ctx, svc, args, 'autoConfirm'),
    payouts: (ctx, svc) => showPayouts(ctx, svc),
    paid: (ctx, svc, args) => onPaidCommand(ctx, svc, args),
  },
});
