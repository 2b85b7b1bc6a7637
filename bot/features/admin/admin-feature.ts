import { on, defineFeature } from '../../routing/feature';
import { showAdminMenu } from './admin-menu';
import { adminActions } from './admin-actions';
import { showCoupons } from './coupons';
import { showStats } from './stats';

export const adminFeature = defineFeature({
  name: 'admin',
  actions: [on(adminActions.adminMenu, (ctx) => showAdminMenu(ctx)), on(adminActions.stats, (ctx, svc) => showStats(ctx, svc))],
  adminCommands: {
    admin: (ctx) => showAdminMenu(ctx),
    stats: (ctx, svc) => showStats(ctx, svc),
    coupons: (ctx, svc) => showCoupons(ctx, svc),
  },
});
