import { DomainError, Result, fail, ok } from '../shared/result';
import { ValidationError } from '../shared/validation';
import { CheckedContent, MessageContent, authorNameOf, checkContent } from './message-content';
import { relaysOf } from './relay-topics';
import { SupportDeps, SupportTx } from './support-deps';
import { Ticket, TicketMessage } from './ticket';

export interface ShopperMessage {
  userId: string;
  authorName?: string | null;
  /** The API names the ticket; the chat writes to the shopper's open one (omit). */
  ticketId?: number;
  content: MessageContent;
}

export type ShopperMessageError = ValidationError | DomainError<'NO_OPEN_TICKET' | 'TICKET_NOT_FOUND' | 'TICKET_CLOSED'>;

/**
 * Stores what the shopper wrote and, in the same transaction, puts the ticket back in staff's court (open, waiting
 * since now unless it already waited) and queues the relay. Storing never waits for Telegram: the relay does.
 */
export async function postShopperMessage(
  deps: SupportDeps,
  cmd: ShopperMessage,
): Promise<Result<{ ticket: Ticket; message: TicketMessage }, ShopperMessageError>> {
  const checked = checkContent(cmd.content);
  if (!checked.ok) return checked;
  const authorName = authorNameOf(cmd.authorName, `#${cmd.userId}`);
  const now = deps.clock.now();
  return deps.uow.run(async (tx) => {
    const ticket = cmd.ticketId === undefined ? await tx.tickets.findActive(cmd.userId) : await tx.tickets.findById(cmd.ticketId);
    if (!ticket) return cmd.ticketId === undefined ? fail('NO_OPEN_TICKET', 'you have no open ticket') : fail('TICKET_NOT_FOUND', `no ticket ${cmd.ticketId}`);
    if (ticket.userId !== cmd.userId) return fail('TICKET_NOT_FOUND', `no ticket ${cmd.ticketId}`);
    if (ticket.status === 'closed') return fail('TICKET_CLOSED', `ticket ${ticket.id} is closed`);
    const written = await shopperWritesInTx(tx, ticket, checked.value, authorName, now);
    if (!written) return fail('TICKET_CLOSED', `ticket ${ticket.id} was closed just now`);
    return ok(written);
  });
}

/** The shopper's message into an active ticket; null when the ticket was closed under us. */
export async function shopperWritesInTx(
  tx: SupportTx,
  ticket: Ticket,
  content: CheckedContent,
  authorName: string,
  now: Date,
): Promise<{ ticket: Ticket; message: TicketMessage } | null> {
  let current = ticket;
  if (ticket.status !== 'open') {
    // The waiting period (and its one reminder) starts again with the shopper's first message after staff spoke.
    const changed = await tx.tickets.change(ticket.id, [ticket.status], { status: 'open', waitingSince: now, reminded: false, now });
    if (changed === true) current = { ...ticket, status: 'open', waitingSince: now, reminded: false, updatedAt: now };
    else {
      // Lost to a concurrent change: Telegram hands over a burst of messages (an album) side by side, so another of
      // the shopper's own messages may have opened it a moment ago — then this one simply joins. Closed: refused.
      const fresh = await tx.tickets.findById(ticket.id);
      if (!fresh || fresh.status === 'closed') return null;
      current = fresh;
    }
  }
  const message = await tx.ticketMessages.add({ ticketId: ticket.id, direction: 'to_staff', authorId: ticket.userId, authorName, ...content, now });
  await tx.outbox.enqueue(relaysOf(ticket, message), now);
  return { ticket: current, message };
}
