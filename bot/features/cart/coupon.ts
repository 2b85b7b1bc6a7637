import type { BotContext } from '../../bot-context';
import type { BotServices } from '../../bot-services';
import { errorText } from '../../errors/error-replies';
import { answer, reply } from '../../ui/replies';
import { chooseHowToPay } from './checkout';

/** "Apply coupon" on the payment choice: the next text the shopper sends is the code. */
export async function askForCoupon(ctx: BotContext, _svc: BotServices, nonce: string): Promise<void> {
  ctx.session.coupon = { nonce, code: null, awaiting: true };
  await answer(ctx);
  await reply(ctx, ctx.t('askCoupon'));
}

/**
 * The code typed after "Apply coupon": checked against the cart as it is (nothing is held yet — placing counts it),
 * then the payment choice again with the discount and the new total. A refused code says why and asks again.
 */
export async function takeCoupon(ctx: BotContext, svc: BotServices, text: string): Promise<boolean> {
  const asked = ctx.session.coupon;
  if (!asked?.awaiting) return false;
  const code = text.trim();
  const preview = await svc.shop.ordering.previewCoupon({ shopperId: ctx.userId, coupon: code });
  if (!preview.ok) {
    await reply(ctx, `${errorText(ctx.t, preview.error)}\n${ctx.t('askCouponAgain')}`);
    delete ctx.session.coupon;
    return true;
  }
  ctx.session.coupon = { nonce: asked.nonce, code: preview.value.code, awaiting: false };
  await chooseHowToPay(ctx, svc, asked.nonce);
  return true;
}
