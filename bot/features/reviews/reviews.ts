import { wasReceived, type OrderState } from '../../../domain/ordering';
import { MAX_RATING, MIN_RATING, type Review } from '../../../domain/reviews';
import type { BotContext } from '../../bot-context';
import type { BotServices } from '../../bot-services';
import { errorText } from '../../errors/error-replies';
import type { Translate } from '../../i18n/translate';
import { button, inlineKeyboard, type Button } from '../../ui/keyboard';
import { answer, show } from '../../ui/replies';

export const stars = (n: number): string => '★'.repeat(n) + '☆'.repeat(MAX_RATING - n);

/** "Rate" buttons for the lines of a received order that have no review yet (the order's screen shows them). */
export function rateButtons(t: Translate, order: OrderState, reviews: readonly Review[]): Button[][] {
  if (!wasReceived(order)) return [];
  const done = new Set(reviews.map((r) => r.lineNo));
  return order.lines
    .filter((line) => !done.has(line.lineNo))
    .slice(0, 10)
    .map((line) => [button(t('btnRate', { title: line.title.slice(0, 40) }), { k: 'rateLine', orderNo: order.orderNo, line: line.lineNo })]);
}

export async function askStars(ctx: BotContext, svc: BotServices, orderNo: string, lineNo: number): Promise<void> {
  const details = await svc.shop.payment.getOrder(orderNo, ctx.userId);
  const line = details.ok ? details.value.order.lines.find((l) => l.lineNo === lineNo) : undefined;
  if (!details.ok || !line) return answer(ctx, errorText(ctx.t, details.ok ? { code: 'ORDER_NOT_FOUND', message: '' } : details.error), { alert: true });
  await answer(ctx);
  const row: Button[] = [];
  for (let n = MIN_RATING; n <= MAX_RATING; n++) row.push(button(`${n}★`, { k: 'rateStars', orderNo, line: lineNo, stars: n }));
  await show(ctx, ctx.t('reviewAskStars', { title: line.title }), inlineKeyboard([row, [button(ctx.t('btnBack'), { k: 'order', orderNo })]]));
}

/** The stars make the review; the chat then offers to add a few words (the next text message), or Done. */
export async function rateStars(ctx: BotContext, svc: BotServices, orderNo: string, lineNo: number, rating: number): Promise<void> {
  const written = await svc.shop.reviews.writeReview({ userId: ctx.userId, authorName: ctx.from?.first_name ?? '', orderNo, lineNo, rating });
  if (!written.ok) return answer(ctx, errorText(ctx.t, written.error), { alert: true });
  ctx.session.reviewText = { reviewId: written.value.id };
  await answer(ctx);
  await show(
    ctx,
    ctx.t('reviewThanks', { stars: stars(rating) }),
    inlineKeyboard([[button(ctx.t('btnReviewDone'), { k: 'reviewDone' })], [button(ctx.t('btnMyOrders'), { k: 'myOrders', page: 1 })]]),
  );
}

export async function reviewDone(ctx: BotContext): Promise<void> {
  delete ctx.session.reviewText;
  await answer(ctx);
  await show(ctx, ctx.t('reviewSaved'), inlineKeyboard([[button(ctx.t('btnMyOrders'), { k: 'myOrders', page: 1 })]]));
}

/** Text sent right after the stars is the review's words (taken before search sees it). */
export async function onReviewText(ctx: BotContext, svc: BotServices, text: string): Promise<boolean> {
  const pending = ctx.session.reviewText;
  if (!pending) return false;
  const saved = await svc.shop.reviews.addReviewText({ reviewId: pending.reviewId, userId: ctx.userId, text });
  if (!saved.ok && saved.error.code === 'VALIDATION_FAILED') {
    await show(ctx, errorText(ctx.t, saved.error));
    return true;
  }
  delete ctx.session.reviewText;
  await show(
    ctx,
    saved.ok ? ctx.t('reviewSaved') : errorText(ctx.t, saved.error),
    inlineKeyboard([[button(ctx.t('btnMyOrders'), { k: 'myOrders', page: 1 })]]),
  );
  return true;
}
