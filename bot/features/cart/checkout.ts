import type { PaymentMethod } from '../../../domain/ordering';
import { STARS_CURRENCY, isUnpaid } from '../../../domain/ordering';
import type { BotContext } from '../../bot-context';
import type { BotServices } from '../../bot-services';
import { errorText } from '../../errors/error-replies';
import { formatMoney } from '../../format/money';
import { Button, button, inlineKeyboard } from '../../ui/keyboard';
import { withPressLock } from '../../ui/press-lock';
import { answer, chatIdOf, show } from '../../ui/replies';
import { editText } from '../../ui/telegram-io';
import { cartScreen } from '../../views/cart-view';
import { startMarketCheckout } from '../marketplace/market-checkout';
import { presentOrder } from '../orders/order-presenter';
import { couponOf } from './applied-coupon';

/** A method's letter in the order's idempotency key (as on its button). */
const METHOD_KEY: Record<PaymentMethod, string> = { wechatpay: 'q', alipay: 'a', credit: 'c', stars: 's' };

/** "Checkout": the cart message turns into the choice of how to pay (only the methods this shop takes now). */
export async function chooseHowToPay(ctx: BotContext, svc: BotServices, nonce: string): Promise<void> {
  const { t } = ctx;
  const cart = await svc.shop.ordering.viewCart(ctx.userId);
  await answer(ctx);
  if (cart.items.length === 0) {
    const { text, markup } = cartScreen(t, cart);
    await show(ctx, text, markup);
    return;
  }
  // In the shop's order (PAYMENT_METHODS), only what it takes now and this cart may be paid by.
  const rows: Button[][] = [];
  for (const method of svc.shop.payment.methodsFor(cart.items.map((i) => i.product))) {
    if (method === 'credit') {
      const account = await svc.shop.account.getAccount(ctx.userId);
      rows.push([button(t('btnPayCredit', { balance: formatMoney(account.balance, account.currency) }), { k: 'pay', method, nonce })]);
    } else if (method === 'stars') {
      // Every product here has a Stars price (methodsFor offers Stars only then): the total the invoice will ask.
      const stars = cart.items.reduce((sum, i) => sum + (i.product.starsPrice ?? 0) * i.quantity, 0);
      rows.push([button(t('btnPayStars', { stars: formatMoney(stars, STARS_CURRENCY) }), { k: 'pay', method, nonce })]);
    } else rows.push([button(t(method === 'alipay' ? 'btnPayAlipay' : 'btnPayQr'), { k: 'pay', method, nonce })]);
  }
  rows.push([button(t('btnApplyCoupon'), { k: 'applyCoupon', nonce })]);
  rows.push([button(t('btnBack'), { k: 'cart' })]);
  // A coupon applied to this screen's checkout: its discount and the new total (what the order will cost).
  const coupon = couponOf(ctx, nonce);
  const preview = coupon === null ? null : await svc.shop.ordering.previewCoupon({ shopperId: ctx.userId, coupon });
  if (preview !== null && !preview.ok) delete ctx.session.coupon;
  const text =
    preview?.ok === true
      ? t('choosePaymentCoupon', {
          code: preview.value.code,
          discount: formatMoney(preview.value.discount, cart.currency),
          total: formatMoney(preview.value.total, cart.currency),
        })
      : t('choosePayment', { total: formatMoney(cart.total, cart.currency) });
  await show(ctx, text, inlineKeyboard(rows));
}

/**
 * Places the order from the cart. The idempotency key comes from the pressed button (its message and the cart
 * screen's nonce), so the same button pressed twice — even by two racing updates — makes one order.
 */
export async function payFromCart(ctx: BotContext, svc: BotServices, method: PaymentMethod, nonce: string): Promise<void> {
  const { t } = ctx;
  const messageId = ctx.callbackQuery?.message?.message_id ?? 0;
  const coupon = couponOf(ctx, nonce);
  // Another coupon is another order: the key says which (the same button pressed twice still makes one).
  const idempotencyKey = `tg-${messageId}-${nonce}-${METHOD_KEY[method]}${coupon === null ? '' : `-${coupon}`}`;
  const pressed = await withPressLock(svc, `${ctx.userId}:${idempotencyKey}`, async () => {
    const result = await svc.shop.payment.checkout({
      shopperId: ctx.userId,
      idempotencyKey,
      fromCart: true,
      paymentMethod: method,
      ...(coupon === null ? {} : { coupon }),
    });
    // Other shops' goods or physical goods in the cart: one checkout across the sellers, step by step.
    if (!result.ok && result.error.code === 'CHECKOUT_REQUIRED') {
      await answer(ctx);
      return startMarketCheckout(ctx, svc, method, nonce);
    }
    if (!result.ok) return answer(ctx, errorText(t, result.error, { utcOffsetMinutes: svc.settings.utcOffsetMinutes }), { alert: true });
    if (coupon !== null) delete ctx.session.coupon;
    const { order, outcome, payment } = result.value;
    if (outcome === 'replayed' && (await svc.orderMessages.find(order.orderNo))) return answer(ctx, t('orderAlreadyPlaced'));
    await answer(ctx);
    // The cart screen loses its buttons, so it cannot be checked out again: it says which order it became, or (an
    // order paid at once) becomes that order's message.
    const settled = !isUnpaid(order.snapshot) || payment === null;
    if (messageId && !settled) await editText(ctx.telegram, chatIdOf(ctx), messageId, t('orderPlaced', { orderNo: order.orderNo }));
    await presentOrder(ctx, svc, order.snapshot, payment, messageId && settled ? messageId : null);
  });
  if (pressed.busy) await answer(ctx, t('working'));
}
