import { referralsOn } from '../../../domain/referrals';
import type { BotContext } from '../../bot-context';
import type { BotServices } from '../../bot-services';
import { formatMoney } from '../../format/money';
import { show } from '../../ui/replies';

const DAY_MS = 24 * 3_600_000;

/** `/invite`: the shopper's link (the bot's own t.me address with their code) and what it brought them. */
export async function showInvite(ctx: BotContext, svc: BotServices): Promise<void> {
  const info = await svc.shop.referrals.referralInfo(ctx.userId);
  const { terms } = info;
  if (!referralsOn(terms)) return show(ctx, ctx.t('inviteOff'));
  const currency = svc.settings.currency;
  const link = `https://t.me/${ctx.botInfo.username}?start=${info.code}`;
  await show(
    ctx,
    `${ctx.t('inviteTitle')}\n\n${ctx.t('inviteBody', {
      link,
      days: Math.ceil(terms.graceMs / DAY_MS),
      referrerCredit: formatMoney(terms.referrerCredit, currency),
      refereeCredit: formatMoney(terms.refereeCredit, currency),
      invited: info.invited,
      rewarded: info.rewarded,
      earned: formatMoney(info.earned, currency),
    })}`,
  );
}

/**
 * `/start ref_<code>`: a new shopper arriving by a friend's link. Told what it will bring when it links; a link that
 * does not (their own, a second one, a shopper who has ordered before) is said once, plainly.
 */
export async function startWithInvite(ctx: BotContext, svc: BotServices, code: string): Promise<void> {
  const linked = await svc.shop.referrals.linkReferral(ctx.userId, code);
  const info = await svc.shop.referrals.referralInfo(ctx.userId);
  const { terms } = info;
  if (!referralsOn(terms)) return;
  if (!linked.ok) return show(ctx, ctx.t(`err_${linked.error.code}`));
  const currency = svc.settings.currency;
  await show(
    ctx,
    ctx.t('referralLinked', {
      days: Math.ceil(terms.graceMs / DAY_MS),
      referrerCredit: formatMoney(terms.referrerCredit, currency),
      refereeCredit: formatMoney(terms.refereeCredit, currency),
    }),
  );
}
