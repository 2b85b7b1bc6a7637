import { DomainError, Result, fail, ok } from '../shared/result';
import { ValidationError } from '../shared/validation';
import { MessageContent, authorNameOf, checkContent } from './message-content';
import { mailNotice } from '../messaging';
import { relaysOf } from './relay-topics';
import { SupportDeps } from './support-deps';
import { Ticket, TicketMessage } from './ticket';

export interface StaffReply {
  ticketId: number;
  /** The admin's Telegram id, or `api` for the admin API key. */
  staffId: string;
  staffName?: string | null;
  content: MessageContent;
  /** The reply asks the shopper something: the ticket waits for them (waiting_for_shopper) instead of answered. */
  awaitShopper?: boolean;
}

export type StaffReplyError = ValidationError | DomainError<'TICKET_NOT_FOUND' | 'TICKET_CLOSED'>;

/**
 * Stores a staff reply, moves the ticket to answered (or waiting for the shopper) and queues the relay to the
 * shopper — plus the mail, when the shop has an e-mail channel — in one transaction. The first admin to reply
 * takes the ticket unless someone was assigned.
 */
export async function replyToTicket(deps: SupportDeps, cmd: StaffReply): Promise<Result<{ ticket: Ticket; message: TicketMessage }, StaffReplyError>> {
  const checked = checkContent(cmd.content);
  if (!checked.ok) return checked;
  const authorName = authorNameOf(cmd.staffName, 'Support');
  const now = deps.clock.now();
  return deps.uow.run(async (tx) => {
    const ticket = await tx.tickets.findById(cmd.ticketId);
    if (!ticket) return fail('TICKET_NOT_FOUND', `no ticket ${cmd.ticketId}`);
    if (ticket.status === 'closed') return fail('TICKET_CLOSED', `ticket ${ticket.id} is closed; reopen it first`);
    const status = cmd.awaitShopper === true ? 'waiting_for_shopper' : 'answered';
    const assignee = ticket.assignee ?? cmd.staffId;
    const changed = await tx.tickets.change(ticket.id, [ticket.status], { status, assignee, waitingSince: null, reminded: false, now });
    if (changed !== true) return fail('TICKET_CLOSED', `ticket ${ticket.id} changed just now; try again`);
    const message = await tx.ticketMessages.add({ ticketId: ticket.id, direction: 'to_shopper', authorId: cmd.staffId, authorName, ...checked.value, now });
    // With a mail channel the reply is mailed too (messaging's mail.notice: sent only to a shopper who gave an address).
    const mail = deps.mailer
      ? [mailNotice({ userId: ticket.userId, event: 'SUPPORT_REPLY', ticketId: ticket.id, text: replyWords(message) }, `support:reply:${message.id}`)]
      : [];
    await tx.outbox.enqueue([...relaysOf(ticket, message), ...mail], now);
    return ok({ ticket: { ...ticket, status, assignee, waitingSince: null, reminded: false, updatedAt: now }, message });
  });
}

/** What a mail can say of a reply: its text, or that a photo or file is waiting in the chat. */
const replyWords = (message: TicketMessage): string =>
  message.kind === 'text' ? message.text : `[${message.kind}${message.attachment?.fileName ? `: ${message.attachment.fileName}` : ''}] ${message.text}`.trim();
