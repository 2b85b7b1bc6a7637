import type { BotContext } from '../../bot-context';

/** The coupon applied to the checkout of the cart screen `nonce` (null: none), for the order and the marketplace checkout alike. */
export const couponOf = (ctx: BotContext, nonce: string): string | null =>
  ctx.session.coupon?.nonce === nonce && !ctx.session.coupon.awaiting ? ctx.session.coupon.code : null;
