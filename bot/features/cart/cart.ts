import type { BotContext } from '../../bot-context';
import type { BotServices } from '../../bot-services';
import { errorText } from '../../errors/error-replies';
import { answer, show } from '../../ui/replies';
import { cartScreen } from '../../views/cart-view';

export async function showCart(ctx: BotContext, svc: BotServices): Promise<void> {
  const cart = await svc.shop.ordering.viewCart(ctx.userId);
  await answer(ctx);
  const { text, markup } = cartScreen(ctx.t, cart);
  await show(ctx, text, markup);
}

/** ➖/➕ carry the quantity the line should end up with (0 removes it): a repeated tap is harmless. */
export async function setQuantity(ctx: BotContext, svc: BotServices, productId: number, quantity: number): Promise<void> {
  if (quantity === 0) {
    // Already gone (a double tap on ➖ at 1) is the wanted end state, not an error.
    await svc.shop.ordering.removeFromCart(ctx.userId, productId);
  } else {
    const result = await svc.shop.ordering.setCartQuantity(ctx.userId, productId, quantity);
    if (!result.ok) return answer(ctx, errorText(ctx.t, result.error), { alert: true });
  }
  await showCart(ctx, svc);
}

export async function clearCart(ctx: BotContext, svc: BotServices): Promise<void> {
  await svc.shop.ordering.clearCart(ctx.userId);
  await answer(ctx, ctx.t('cartCleared'));
  const { text, markup } = cartScreen(ctx.t, await svc.shop.ordering.viewCart(ctx.userId));
  await show(ctx, text, markup);
}
