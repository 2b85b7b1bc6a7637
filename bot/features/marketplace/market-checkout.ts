import { Input } from 'telegraf';
import { addressLine } from '../../../domain/account';
import type { PaymentMethod } from '../../../domain/ordering';
import { qrPng } from '../../../infrastructure/qr/qr-renderer';
import type { BotContext } from '../../bot-context';
import type { BotServices } from '../../bot-services';
import { errorText } from '../../errors/error-replies';
import { formatMoney } from '../../format/money';
import { fitCaption } from '../../format/telegram-limits';
import { formatTime } from '../../format/time';
import { button, inlineKeyboard } from '../../ui/keyboard';
import { withPressLock } from '../../ui/press-lock';
import { answer, chatIdOf, reply, show } from '../../ui/replies';
import { qrKeyboard, retryKeyboard } from '../../views/order-view';
import { couponOf } from '../cart/applied-coupon';

const METHOD_KEY: Record<Exclude<PaymentMethod, 'stars'>, string> = { wechatpay: 'q', alipay: 'a', credit: 'c' };

/**
 * The cart holds another shop's goods or physical goods: it is bought as one checkout (one order per seller, one
 * payment). Step by step in the session: a delivery option per seller that ships, the address, then the payment.
 */
export async function startMarketCheckout(ctx: BotContext, svc: BotServices, method: PaymentMethod, nonce: string): Promise<void> {
  // Stars pay for one order of the house at a time (a checkout's per-seller refunds cannot be done on one charge).
  if (method === 'stars') return answer(ctx, ctx.t('err_PAYMENT_METHOD_NOT_ALLOWED'), { alert: true });
  ctx.session.market = { method, nonce, delivery: {} };
  await continueMarketCheckout(ctx, svc);
}

/** The next step still missing, or the purchase itself when none is. */
export async function continueMarketCheckout(ctx: BotContext, svc: BotServices): Promise<void> {
  const { t } = ctx;
  const market = ctx.session.market;
  if (!market) return;
  const cart = await svc.shop.ordering.viewCart(ctx.userId);
  const shipping = [...new Set(cart.items.filter((i) => i.product.kind === 'physical').map((i) => i.product.sellerId))];
  for (const sellerId of shipping) {
    if (market.delivery[String(sellerId)] !== undefined) continue;
    const seller = await svc.shop.sellers.getSeller(sellerId);
    const shopName = seller.ok ? seller.value.shopName : `#${sellerId}`;
    const options = await svc.shop.ordering.listDeliveryOptions(sellerId);
    if (options.length === 0) {
      delete ctx.session.market;
      await show(ctx, t('marketNoDelivery', { shop: shopName }));
      return;
    }
    const rows = options.map((o) => [
      button(t('marketDeliveryOption', { name: o.name, fee: formatMoney(o.fee, cart.currency), days: o.estimatedDays }), {
        k: 'pickDelivery',
        optionId: o.id,
        nonce: market.nonce,
      }),
    ]);
    rows.push([button(t('btnBack'), { k: 'cart' })]);
    market.asking = sellerId;
    await show(ctx, t('marketChooseDelivery', { shop: shopName }), inlineKeyboard(rows));
    return;
  }
  if (shipping.length > 0 && !market.addressConfirmed) {
    const saved = await svc.shop.account.getShippingAddress(ctx.userId);
    if (saved === null) {
      market.awaitingAddress = true;
      await show(ctx, t('marketAskAddress'));
      return;
    }
    await show(
      ctx,
      t('marketShipTo', { address: addressLine(saved) }),
      inlineKeyboard([
        [button(t('btnUseAddress'), { k: 'useAddress', nonce: market.nonce }), button(t('btnNewAddress'), { k: 'newAddress', nonce: market.nonce })],
      ]),
    );
    return;
  }
  await placeMarketCheckout(ctx, svc);
}

/** "recipient; phone; address" (or one per line), saved for this checkout and the next. */
export async function takeAddress(ctx: BotContext, svc: BotServices, text: string): Promise<boolean> {
  const market = ctx.session.market;
  if (!market?.awaitingAddress) return false;
  const [recipient, phone, ...rest] = text.split(/[;\n；]/).map((p) => p.trim());
  const saved = await svc.shop.account.saveShippingAddress(ctx.userId, { recipient, phone, address: rest.join(', ') });
  if (!saved.ok) {
    await reply(ctx, `${errorText(ctx.t, saved.error)}\n${ctx.t('marketAskAddress')}`);
    return true;
  }
  market.awaitingAddress = false;
  market.addressConfirmed = true;
  await continueMarketCheckout(ctx, svc);
  return true;
}

async function placeMarketCheckout(ctx: BotContext, svc: BotServices): Promise<void> {
  const { t } = ctx;
  const market = ctx.session.market;
  if (!market) return;
  const idempotencyKey = `tg-${market.nonce}-${METHOD_KEY[market.method]}-mk`;
  const pressed = await withPressLock(svc, `${ctx.userId}:${idempotencyKey}`, async () => {
    const delivery = Object.entries(market.delivery).map(([sellerId, optionId]) => ({ sellerId: Number(sellerId), optionId }));
    const coupon = couponOf(ctx, market.nonce);
    const result = await svc.shop.payment.placeCheckout({
      shopperId: ctx.userId,
      idempotencyKey: coupon === null ? idempotencyKey : `${idempotencyKey}-${coupon}`,
      fromCart: true,
      paymentMethod: market.method,
      delivery,
      ...(coupon === null ? {} : { coupon }),
    });
    if (!result.ok) {
      await answer(ctx);
      await reply(ctx, errorText(t, result.error, { utcOffsetMinutes: svc.settings.utcOffsetMinutes }));
      return;
    }
    delete ctx.session.market;
    await answer(ctx);
    const { checkout, orders, payment } = result.value;
    const currency = checkout.currency;
    const lines = await Promise.all(
      orders.map(async (o) => {
        const seller = await svc.shop.sellers.getSeller(o.snapshot.sellerId);
        return t('marketOrderLine', {
          shop: seller.ok ? seller.value.shopName : `#${o.snapshot.sellerId}`,
          orderNo: o.orderNo,
          amount: formatMoney(o.snapshot.totalAmount, currency),
          status: t(`status_${o.snapshot.status}`),
        });
      }),
    );
    const summary = t('marketPlaced', {
      checkoutNo: checkout.checkoutNo,
      total: formatMoney(checkout.totalAmount, currency),
      expiry: formatTime(checkout.expiresAt, svc.settings.utcOffsetMinutes),
      orders: lines.join('\n'),
    });
    const first = orders[0];
    if (payment?.status === 'READY' && first) {
      const png = await qrPng(payment.codeUrl);
      // The check / cancel buttons act on the whole checkout through any of its orders (they share the one trade).
      await ctx.telegram.sendPhoto(chatIdOf(ctx), Input.fromBuffer(png, `${checkout.checkoutNo}.png`), {
        caption: fitCaption(summary),
        reply_markup: qrKeyboard(t, first.orderNo),
      });
      return;
    }
    if (payment?.status === 'RETRYING' && first) {
      await reply(ctx, `${summary}\n\n${payment.message}`, retryKeyboard(t, first.orderNo));
      return;
    }
    await reply(ctx, summary);
  });
  if (pressed.busy) await answer(ctx, t('working'));
}
