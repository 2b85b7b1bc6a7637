import { on, defineFeature } from '../../routing/feature';
import { accountActions } from './account-actions';
import { showBalance } from './balance';
import { onCreditCommand } from './credit';
import { onEmailCommand } from './email';
import { onLockoutCommand } from './lockout';

export const accountFeature = defineFeature({
  name: 'account',
  actions: [on(accountActions.balance, (ctx, svc) => showBalance(ctx, svc))],
  commands: { balance: (ctx, svc) => showBalance(ctx, svc), email: (ctx, svc, args) => onEmailCommand(ctx, svc, args) },
  adminCommands: {
    credit: (ctx, svc, args) => onCreditCommand(ctx, svc, args),
    lockout: (ctx, svc, args) => onLockoutCommand(ctx, svc, args),
  },
});
