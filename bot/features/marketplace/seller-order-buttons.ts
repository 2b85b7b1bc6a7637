import type { BotContext } from '../../bot-context';
import type { BotServices } from '../../bot-services';
import { errorText } from '../../errors/error-replies';
import { words } from '../../routing/command-args';
import { answer, reply, show } from '../../ui/replies';

/** The active shop of the person pressing: from our database, never from the button (a forged one finds nothing). */
async function sellerPressing(ctx: BotContext, svc: BotServices): Promise<number | null> {
  const seller = await svc.shop.sellers.findActiveSellerByTelegramUser(ctx.userId);
  if (seller) return seller.id;
  await answer(ctx, ctx.t('err_FORBIDDEN'), { alert: true });
  return null;
}

export async function sellerConfirm(ctx: BotContext, svc: BotServices, orderNo: string): Promise<void> {
  const sellerId = await sellerPressing(ctx, svc);
  if (sellerId === null) return;
  const confirmed = await svc.shop.ordering.confirmSellerOrder(sellerId, orderNo);
  if (!confirmed.ok) return answer(ctx, errorText(ctx.t, confirmed.error), { alert: true });
  await answer(ctx);
  const next = confirmed.value.delivery !== null ? ctx.t('sellerShipHint', { orderNo }) : '';
  await show(ctx, [ctx.t('sellerConfirmedDone', { orderNo }), next].filter((l) => l !== '').join('\n'));
}

export async function sellerCancel(ctx: BotContext, svc: BotServices, orderNo: string): Promise<void> {
  const sellerId = await sellerPressing(ctx, svc);
  if (sellerId === null) return;
  const cancelled = await svc.shop.payment.cancelSellerOrder(sellerId, orderNo);
  if (!cancelled.ok) return answer(ctx, errorText(ctx.t, cancelled.error), { alert: true });
  await answer(ctx);
  await show(ctx, ctx.t('sellerCancelledDone', { orderNo }));
}

/** `/ship <orderNo> <carrier> <tracking number>`. */
export async function shipCommand(ctx: BotContext, svc: BotServices, args: string): Promise<void> {
  const [orderNo, carrier, ...tracking] = words(args);
  if (!orderNo || !carrier || tracking.length === 0) return void (await reply(ctx, ctx.t('shipUsage')));
  const seller = await svc.shop.sellers.findActiveSellerByTelegramUser(ctx.userId);
  if (!seller) return void (await reply(ctx, ctx.t('err_FORBIDDEN')));
  const shipped = await svc.shop.ordering.shipSellerOrder(seller.id, orderNo, { carrier, trackingNo: tracking.join(' ') });
  await reply(ctx, shipped.ok ? ctx.t('shippedDone', { orderNo }) : errorText(ctx.t, shipped.error));
}

export async function orderReceived(ctx: BotContext, svc: BotServices, orderNo: string): Promise<void> {
  const received = await svc.shop.ordering.confirmReceipt(ctx.userId, orderNo);
  if (!received.ok) return answer(ctx, errorText(ctx.t, received.error), { alert: true });
  await answer(ctx);
  await show(ctx, ctx.t('receivedDone', { orderNo }));
}
