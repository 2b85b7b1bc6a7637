import type { Message } from 'telegraf/types';
import type { Ticket } from '../../../domain/support';
import type { BotContext } from '../../bot-context';
import type { BotServices } from '../../bot-services';
import { errorText } from '../../errors/error-replies';
import type { TextKey, Translate } from '../../i18n/translate';
import { button, inlineKeyboard } from '../../ui/keyboard';
import { answer, reply } from '../../ui/replies';
import { contentOf } from './message-content';

const orderLine = (t: Translate, ticket: Ticket): string => (ticket.orderNo ? t('ticketOrderLine', { orderNo: ticket.orderNo }) : '');

const closeKeyboard = (t: Translate, ticket: Ticket) => inlineKeyboard([[button(t('btnCloseTicket'), { k: 'closeMyTicket', id: ticket.id })]]);

/** `/support` (or "Contact support" on an order): opens a ticket, or shows the one still open. */
export async function openSupport(ctx: BotContext, svc: BotServices, orderNo: string | null): Promise<void> {
  const { t } = ctx;
  const opened = await svc.shop.support.openTicket({ userId: ctx.userId, orderNo, authorName: ctx.from?.first_name ?? null });
  if (ctx.callbackQuery) await answer(ctx);
  if (!opened.ok) {
    await reply(ctx, errorText(t, opened.error));
    return;
  }
  const { ticket, created } = opened.value;
  const text = created
    ? t('ticketOpened', { id: ticket.id, order: orderLine(t, ticket) })
    : t('ticketStillOpen', { id: ticket.id, status: t(`ticketStatus_${ticket.status}` as TextKey), order: orderLine(t, ticket) });
  await reply(ctx, text, closeKeyboard(t, ticket));
}

export async function closeMyTicket(ctx: BotContext, svc: BotServices, ticketId: number): Promise<void> {
  const closed = await svc.shop.support.closeTicket(ticketId, { role: 'shopper', userId: ctx.userId, name: ctx.from?.first_name ?? null });
  if (!closed.ok) return answer(ctx, errorText(ctx.t, closed.error), { alert: true });
  await answer(ctx);
  await reply(ctx, ctx.t('ticketClosedByYou', { id: ticketId }));
}

/**
 * Anything a shopper sends while a ticket of theirs is open goes to support (stored now, relayed by the outbox);
 * false when they have none, so the message is the shop's as usual.
 */
export async function takeShopperMessage(ctx: BotContext, svc: BotServices, message: Message): Promise<boolean> {
  const content = contentOf(message);
  if (!content) return false;
  const ticket = await svc.shop.support.activeTicket(ctx.userId);
  if (!ticket) return false;
  const posted = await svc.shop.support.postShopperMessage({ userId: ctx.userId, ticketId: ticket.id, authorName: ctx.from?.first_name ?? null, content });
  if (!posted.ok) await reply(ctx, errorText(ctx.t, posted.error));
  return true;
}
