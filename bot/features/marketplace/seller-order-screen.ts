import type { OrderState } from '../../../domain/ordering';
import type { BotContext } from '../../bot-context';
import type { BotServices } from '../../bot-services';
import { errorText } from '../../errors/error-replies';
import { formatMoney } from '../../format/money';
import { Button, button, inlineKeyboard } from '../../ui/keyboard';
import { answer, show } from '../../ui/replies';
import { statusText } from '../../views/order-view';

const PAGE_SIZE = 8;

/** The active shop of the person pressing: from our database, never from the button (a forged one finds nothing). */
async function sellerPressing(ctx: BotContext, svc: BotServices): Promise<number | null> {
  const seller = await svc.shop.sellers.findActiveSellerByTelegramUser(ctx.userId);
  if (seller) return seller.id;
  await answer(ctx, ctx.t('notASeller'), { alert: true });
  return null;
}

/** What a seller may do with an order now: the buttons follow its state (the use cases check again when pressed). */
function orderButtons(ctx: BotContext, order: OrderState): Button[][] {
  const orderNo = order.orderNo;
  if (order.status === 'AWAITING_SELLER')
    return [[button(ctx.t('btnSellerConfirm'), { k: 'sellerConfirm', orderNo }), button(ctx.t('btnSellerCancel'), { k: 'sellerCancel', orderNo })]];
  if (order.status !== 'PAID') return [];
  const physical = order.lines.some((l) => l.kind === 'physical');
  const manual = order.lines.some((l) => l.kind === 'manual');
  return [
    [
      ...(manual && !physical ? [button(ctx.t('btnSellerFulfil'), { k: 'sellerFulfil', orderNo })] : []),
      button(ctx.t('btnSellerCancel'), { k: 'sellerCancel', orderNo }),
    ],
  ];
}

/** The seller's orders (paid onwards), newest first, a button each. */
export async function showSellerOrders(ctx: BotContext, svc: BotServices, page: number): Promise<void> {
  const sellerId = await sellerPressing(ctx, svc);
  if (sellerId === null) return;
  const result = await svc.shop.ordering.listSellerOrders(sellerId, { page, pageSize: PAGE_SIZE });
  if (!result.ok) return answer(ctx, errorText(ctx.t, result.error), { alert: true });
  await answer(ctx);
  const { items, total } = result.value;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const rows: Button[][] = items.map((o) => [
    button(ctx.t('sellerOrderLine', { orderNo: o.orderNo, status: statusText(ctx.t, o), amount: formatMoney(o.totalAmount, o.currency) }), {
      k: 'sellerOrder',
      orderNo: o.orderNo,
    }),
  ]);
  if (pages > 1)
    rows.push([
      ...(page > 1 ? [button(ctx.t('btnPrev'), { k: 'sellerOrders', page: page - 1 })] : []),
      ...(page < pages ? [button(ctx.t('btnNext'), { k: 'sellerOrders', page: page + 1 })] : []),
    ]);
  rows.push([button(ctx.t('btnBack'), { k: 'sellerMenu' })]);
  await show(ctx, items.length === 0 ? ctx.t('sellerOrdersEmpty') : ctx.t('sellerOrdersTitle', { page, pages }), inlineKeyboard(rows));
}

/** One of the seller's orders with what they can do now; another shop's (a forged button) is not found. */
export async function showSellerOrder(ctx: BotContext, svc: BotServices, orderNo: string): Promise<void> {
  const sellerId = await sellerPressing(ctx, svc);
  if (sellerId === null) return;
  const found = await svc.shop.ordering.getSellerOrder(sellerId, orderNo);
  if (!found.ok) return answer(ctx, errorText(ctx.t, found.error), { alert: true });
  await answer(ctx);
  const order = found.value;
  const items = order.lines.map((l) => `• ${l.title} ×${l.quantity}`).join('\n');
  const hint = order.status === 'PAID' && order.delivery !== null ? `\n${ctx.t('sellerShipHint', { orderNo })}` : '';
  await show(
    ctx,
    ctx.t('sellerOrderCard', { orderNo, status: statusText(ctx.t, order), amount: formatMoney(order.totalAmount, order.currency), items }) + hint,
    inlineKeyboard([...orderButtons(ctx, order), [button(ctx.t('btnBack'), { k: 'sellerOrders', page: 1 })]]),
  );
}

/** The seller handed a `manual` order over: it completes (and is credited to them); the shopper is told. */
export async function sellerFulfil(ctx: BotContext, svc: BotServices, orderNo: string): Promise<void> {
  const sellerId = await sellerPressing(ctx, svc);
  if (sellerId === null) return;
  const done = await svc.shop.ordering.fulfilSellerOrder(sellerId, orderNo);
  if (!done.ok) return answer(ctx, errorText(ctx.t, done.error), { alert: true });
  await answer(ctx);
  await show(ctx, ctx.t('sellerFulfilledDone', { orderNo, outcome: done.value.outcome }));
}
