import type { Message } from 'telegraf/types';
import type { Ticket, TicketMessage } from '../../../domain/support';
import type { BotContext } from '../../bot-context';
import type { BotServices } from '../../bot-services';
import { errorText } from '../../errors/error-replies';
import { formatTime } from '../../format/time';
import type { TextKey, Translate } from '../../i18n/translate';
import { answer, reply, replyLong } from '../../ui/replies';
import { contentOf, ticketReferredTo } from './message-content';
import { staffKeyboard } from './staff-keyboard';

const staffOf = (ctx: BotContext) => ({ staffId: ctx.userId, name: ctx.from?.first_name ?? null });

const statusText = (t: Translate, ticket: Ticket): string => t(`ticketStatus_${ticket.status}` as TextKey);

/** `/reply <ticket> <text>`: a staff answer from anywhere. */
export async function onReplyCommand(ctx: BotContext, svc: BotServices, args: string): Promise<void> {
  const match = /^#?(\d{1,15})\s+([\s\S]+)$/.exec(args.trim());
  if (!match?.[1] || !match[2]) return void (await reply(ctx, ctx.t('usageReply')));
  await staffReply(ctx, svc, Number(match[1]), { kind: 'text', text: match[2] });
}

async function staffReply(ctx: BotContext, svc: BotServices, ticketId: number, content: NonNullable<ReturnType<typeof contentOf>>): Promise<void> {
  const replied = await svc.shop.support.replyToTicket({ ticketId, staffId: ctx.userId, staffName: ctx.from?.first_name ?? null, content });
  await reply(ctx, replied.ok ? ctx.t('staffReplySent', { id: ticketId }) : errorText(ctx.t, replied.error, { forAdmin: true }));
}

/** An admin replying (in the private chat) to one of a ticket's relayed messages, or captioning a photo `/reply <ticket>`, answers that ticket. */
export async function takeStaffReply(ctx: BotContext, svc: BotServices, message: Message): Promise<boolean> {
  if (!ctx.isAdmin) return false;
  const content = contentOf(message);
  if (!content) return false;
  // A photo or file captioned "/reply <ticket> <text>" (captions are not commands to Telegram).
  const captioned = content.kind !== 'text' ? /^\/reply(?:@\w+)?\s+#?(\d{1,15})\b\s*([\s\S]*)$/.exec(content.text ?? '') : null;
  if (captioned?.[1]) {
    await staffReply(ctx, svc, Number(captioned[1]), { ...content, text: captioned[2] ?? '' });
    return true;
  }
  const ticketId = ticketReferredTo(message, ctx.botInfo.id);
  if (ticketId === null) return false;
  await staffReply(ctx, svc, ticketId, content);
  return true;
}

/** `/tickets`: the tickets not closed, newest first. */
export async function onTicketsCommand(ctx: BotContext, svc: BotServices): Promise<void> {
  const { t } = ctx;
  const lists = await Promise.all((['open', 'waiting_for_shopper', 'answered'] as const).map((status) => svc.shop.support.listTickets({ status, limit: 30 })));
  const tickets = lists.flatMap((l) => (l.ok ? l.value : [])).sort((a, b) => b.id - a.id);
  if (tickets.length === 0) return void (await reply(ctx, t('ticketsNone')));
  const lines = tickets.map((ticket) =>
    t('ticketsLine', {
      id: ticket.id,
      status: statusText(t, ticket),
      userId: ticket.userId,
      order: ticket.orderNo ? ` · ${ticket.orderNo}` : '',
      assignee: ticket.assignee ? ` · 📌 ${ticket.assignee}` : '',
    }),
  );
  await replyLong(ctx, [t('ticketsTitle'), ...lines, '', t('usageTicket')].join('\n'));
}

function historyLine(t: Translate, m: TicketMessage, offset: number): string {
  const text =
    m.kind === 'event'
      ? t(`historyEvent_${m.text}` as TextKey)
      : m.kind === 'photo'
        ? `${t('historyPhoto')} ${m.text}`.trim()
        : m.kind === 'document'
          ? `${t('historyDocument')} ${m.attachment?.fileName ?? ''} ${m.text}`.trim()
          : m.text;
  return t('ticketHistoryLine', { at: formatTime(m.createdAt, offset), who: `${m.direction === 'to_shopper' ? '💬 ' : ''}${m.authorName}`, text });
}

/** `/ticket <id>`: the whole conversation, with the staff buttons. */
export async function onTicketCommand(ctx: BotContext, svc: BotServices, args: string): Promise<void> {
  const { t } = ctx;
  const id = /^#?(\d{1,15})$/.exec(args.trim())?.[1];
  if (!id) return void (await reply(ctx, t('usageTicket')));
  const found = await svc.shop.support.getTicket(Number(id), null);
  if (!found.ok) return void (await reply(ctx, errorText(t, found.error, { forAdmin: true })));
  const { ticket, messages } = found.value;
  const head = t('ticketHistoryTitle', {
    id: ticket.id,
    status: statusText(t, ticket),
    userId: ticket.userId,
    order: ticket.orderNo ? ` · ${ticket.orderNo}` : '',
  });
  const offset = svc.settings.utcOffsetMinutes;
  await replyLong(ctx, [head, '', ...messages.map((m) => historyLine(t, m, offset))].join('\n'), staffKeyboard(t, ticket));
}

/** The staff buttons, pressed in a private chat (admins only: the router checks). */
export async function onStaffAction(ctx: BotContext, svc: BotServices, action: 'take' | 'close' | 'reopen', ticketId: number): Promise<void> {
  const { t } = ctx;
  const by = staffOf(ctx);
  const result =
    action === 'take'
      ? await svc.shop.support.assignTicket(ticketId, by.staffId, by)
      : action === 'close'
        ? await svc.shop.support.closeTicket(ticketId, { role: 'staff', ...by })
        : await svc.shop.support.reopenTicket(ticketId, by.staffId, by.name);
  if (!result.ok) return answer(ctx, errorText(t, result.error, { forAdmin: true }), { alert: true });
  await answer(ctx);
  const name = by.name ?? by.staffId;
  const key = action === 'take' ? 'staffAssigned' : action === 'close' ? 'staffClosed' : 'staffReopened';
  await reply(ctx, t(key, { id: ticketId, name }), staffKeyboard(t, result.value));
}

/**
 * A seller replying (in their private chat) to a relayed line of a ticket about their own order answers the shopper.
 * Only a reply to such a line counts, so a seller's other messages (their own shopping, their own tickets) pass on.
 */
export async function takeSellerReply(ctx: BotContext, svc: BotServices, message: Message): Promise<boolean> {
  const ticketId = ticketReferredTo(message, ctx.botInfo.id);
  if (ticketId === null) return false;
  const content = contentOf(message);
  if (!content) return false;
  const seller = await svc.shop.sellers.findActiveSellerByTelegramUser(ctx.userId);
  if (!seller) return false;
  const replied = await svc.shop.support.replyAsSeller({
    ticketId,
    seller: { sellerId: seller.id, telegramUserId: ctx.userId, shopName: seller.shopName },
    content,
  });
  await reply(ctx, replied.ok ? ctx.t('sellerReplySent', { id: ticketId }) : errorText(ctx.t, replied.error));
  return true;
}
