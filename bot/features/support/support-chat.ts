import type { MiddlewareFn } from 'telegraf';
import type { Message } from 'telegraf/types';
import { resolveLanguage } from '../../../domain/account';
import type { Ticket } from '../../../domain/support';
import type { BotContext } from '../../bot-context';
import type { BotServices } from '../../bot-services';
import { decodeAction } from '../../callback-data';
import { errorText } from '../../errors/error-replies';
import { Translate, translator } from '../../i18n/translate';
import { parseCommand } from '../../routing/commands';
import { contentOf } from './message-content';
import { staffKeyboard } from './staff-keyboard';

type StaffAction = 'take' | 'close' | 'reopen';

/**
 * The support group (SUPPORT_CHAT_ID, a forum supergroup): whoever is in it is staff. A message in a ticket's topic
 * is a reply to that ticket's shopper (`/ask <question>`: one that waits for their answer); /take, /close and /reopen act on the ticket, as do the buttons on the
 * ticket's first message. Updates from this chat never reach the shop's private-chat features.
 */
export function supportChat(svc: BotServices, supportChatId: string): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    if (String(ctx.chat?.id) !== supportChatId) return next();
    const from = ctx.from;
    if (!from || from.is_bot) return;
    const t = translator(resolveLanguage(null, from.language_code));
    const staff = { staffId: String(from.id), name: from.first_name ?? null };
    if (ctx.callbackQuery) {
      const action = decodeAction('data' in ctx.callbackQuery ? ctx.callbackQuery.data : undefined);
      const known = action && (action.k === 'takeTicket' || action.k === 'staffCloseTicket' || action.k === 'reopenTicket') ? action : null;
      if (!known) return void (await ctx.answerCbQuery());
      const kind: StaffAction = known.k === 'takeTicket' ? 'take' : known.k === 'staffCloseTicket' ? 'close' : 'reopen';
      const done = await act(svc, kind, known.id, staff);
      await ctx.answerCbQuery(done.ok ? undefined : errorText(t, done.error, { forAdmin: true }), { show_alert: !done.ok });
      if (done.ok) await tellTopic(ctx, t, done.value, kind, staff.name ?? staff.staffId);
      return;
    }
    const message = ctx.message as Message | undefined;
    const threadId = message && 'message_thread_id' in message ? message.message_thread_id : undefined;
    if (!message || threadId === undefined) return;
    const ticket = await svc.shop.support.ticketOfThread(threadId);
    if (!ticket) return;
    const command = 'text' in message ? parseCommand(message.text) : null;
    if (command?.name === 'ask') {
      // "/ask <question>": the reply asks the shopper something, so the ticket waits for them (waiting_for_shopper).
      const asked = command.args.trim();
      if (asked === '') return;
      const replied = await svc.shop.support.replyToTicket({
        ticketId: ticket.id,
        staffId: staff.staffId,
        staffName: staff.name,
        content: { kind: 'text', text: asked },
        awaitShopper: true,
      });
      if (!replied.ok) await ctx.telegram.sendMessage(supportChatId, errorText(t, replied.error, { forAdmin: true }), { message_thread_id: threadId });
      return;
    }
    if (command) {
      const kind: StaffAction | null = command.name === 'take' ? 'take' : command.name === 'close' ? 'close' : command.name === 'reopen' ? 'reopen' : null;
      if (!kind) return;
      const done = await act(svc, kind, ticket.id, staff);
      if (!done.ok) await ctx.telegram.sendMessage(supportChatId, errorText(t, done.error, { forAdmin: true }), { message_thread_id: threadId });
      else await tellTopic(ctx, t, done.value, kind, staff.name ?? staff.staffId);
      return;
    }
    const content = contentOf(message);
    if (!content) return;
    const replied = await svc.shop.support.replyToTicket({ ticketId: ticket.id, staffId: staff.staffId, staffName: staff.name, content });
    if (!replied.ok) await ctx.telegram.sendMessage(supportChatId, errorText(t, replied.error, { forAdmin: true }), { message_thread_id: threadId });
  };
}

function act(svc: BotServices, kind: StaffAction, ticketId: number, staff: { staffId: string; name: string | null }) {
  const { support } = svc.shop;
  if (kind === 'take') return support.assignTicket(ticketId, staff.staffId, staff);
  if (kind === 'close') return support.closeTicket(ticketId, { role: 'staff', ...staff });
  return support.reopenTicket(ticketId, staff.staffId, staff.name);
}

/** The other staff see what happened (the shopper is told through the relay). An assignment is relayed to the topic already. */
async function tellTopic(ctx: BotContext, t: Translate, ticket: Ticket, kind: StaffAction, name: string): Promise<void> {
  if (kind === 'take' || ticket.threadId === null || !ctx.chat) return;
  const text = t(kind === 'close' ? 'staffClosed' : 'staffReopened', { id: ticket.id, name });
  await ctx.telegram.sendMessage(ctx.chat.id, text, { message_thread_id: ticket.threadId, reply_markup: staffKeyboard(t, ticket) });
}
