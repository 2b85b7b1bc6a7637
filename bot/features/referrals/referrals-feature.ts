import { defineFeature } from '../../routing/feature';
import { showInvite } from './referrals';

export const referralsFeature = defineFeature({
  name: 'referrals',
  commands: { invite: (ctx, svc) => showInvite(ctx, svc), referral: (ctx, svc) => showInvite(ctx, svc) },
});
