import type { BotContext } from '../../bot-context';
import type { BotServices } from '../../bot-services';
import { errorText } from '../../errors/error-replies';
import { formatTime } from '../../format/time';
import { reply } from '../../ui/replies';
import { words } from '../../routing/command-args';

/** `/lockout <userId>` shows a shopper's checkout lockout and recent failed checkouts; `/lockout <userId> lift` ends it. */
export async function onLockoutCommand(ctx: BotContext, svc: BotServices, args: string): Promise<void> {
  const { t } = ctx;
  const [userId, verb, ...rest] = words(args);
  if (!userId || !/^[0-9]{1,20}$/.test(userId) || rest.length > 0 || (verb !== undefined && verb !== 'lift')) {
    await reply(ctx, t('usageLockout'));
    return;
  }
  const result = verb === 'lift' ? await svc.shop.account.liftCheckoutLockout(userId) : await svc.shop.account.getCheckoutLockout(userId);
  if (!result.ok) {
    await reply(ctx, errorText(t, result.error, { forAdmin: true }));
    return;
  }
  const l = result.value;
  const offset = svc.settings.utcOffsetMinutes;
  const lines = [
    l.lockedUntil ? t('lockoutLocked', { userId, until: formatTime(l.lockedUntil, offset) }) : t('lockoutNotLocked', { userId }),
    t('lockoutRule', { failures: l.rule.failures, windowMinutes: l.rule.windowMinutes, lockMinutes: l.rule.lockMinutes, counting: l.counting }),
    ...l.recentFailures.map((f) => `• ${formatTime(f.at, offset, { withZone: false })} ${f.reason}${f.ref ? ` ${f.ref}` : ''}`),
  ];
  await reply(ctx, lines.join('\n'));
}
