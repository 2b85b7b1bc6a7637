import { DomainError, Result, fail, ok } from '../shared/result';
import { ValidationError, invalid } from '../shared/validation';
import { MessageContent, authorNameOf, checkContent } from './message-content';
import { relaysOf } from './relay-topics';
import { SupportDeps } from './support-deps';
import { MAX_HISTORY, Ticket, TicketMessage, TicketWithHistory } from './ticket';
import { MAX_TICKET_PAGE } from './ticket-queries';

/** The seller behind a request, as the door established it (their shop from our database, never from the client). */
export interface SellerActor {
  sellerId: number;
  /** The seller's Telegram id: the author of their lines. */
  telegramUserId: string;
  /** Their shop's name, as the shopper sees it. */
  shopName: string;
}

export interface SellerReply {
  ticketId: number;
  seller: SellerActor;
  content: MessageContent;
}

export type SellerTicketError = DomainError<'TICKET_NOT_FOUND' | 'TICKET_CLOSED'>;

/** A seller's tickets (only those on their own orders), newest first; the next page starts before the last id seen. */
export async function listSellerTickets(
  deps: SupportDeps,
  sellerId: number,
  query: { beforeId?: number; limit?: number },
): Promise<Result<Ticket[], ValidationError>> {
  const limit = query.limit ?? 20;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_TICKET_PAGE) return invalid('limit', `must be 1-${MAX_TICKET_PAGE}`);
  return ok(await deps.uow.read((r) => r.tickets.list({ sellerId, ...(query.beforeId !== undefined ? { beforeId: query.beforeId } : {}), limit })));
}

/** A ticket on one of the seller's orders with its history; any other ticket (a forged id) reads as none. */
export async function getSellerTicket(deps: SupportDeps, ticketId: number, sellerId: number): Promise<Result<TicketWithHistory, SellerTicketError>> {
  const found = await deps.uow.read(async (r) => {
    const ticket = await r.tickets.findById(ticketId);
    if (!ticket || ticket.sellerId !== sellerId) return null;
    return { ticket, messages: await r.ticketMessages.history(ticketId, MAX_HISTORY) };
  });
  return found ? ok(found) : fail('TICKET_NOT_FOUND', `no ticket ${ticketId}`);
}

/**
 * The seller answers a ticket on their own order: stored with the author role `seller` and relayed to the shopper
 * like a staff reply (the ticket is then answered), in one transaction. Another seller's ticket reads as none.
 */
export async function replyAsSeller(
  deps: SupportDeps,
  cmd: SellerReply,
): Promise<Result<{ ticket: Ticket; message: TicketMessage }, SellerTicketError | ValidationError>> {
  const checked = checkContent(cmd.content);
  if (!checked.ok) return checked;
  const authorName = authorNameOf(cmd.seller.shopName, `Shop ${cmd.seller.sellerId}`);
  const now = deps.clock.now();
  return deps.uow.run(async (tx) => {
    const ticket = await tx.tickets.findById(cmd.ticketId);
    if (!ticket || ticket.sellerId !== cmd.seller.sellerId) return fail('TICKET_NOT_FOUND', `no ticket ${cmd.ticketId}`);
    if (ticket.status === 'closed') return fail('TICKET_CLOSED', `ticket ${ticket.id} is closed`);
    const changed = await tx.tickets.change(ticket.id, [ticket.status], { status: 'answered', waitingSince: null, reminded: false, now });
    if (changed !== true) return fail('TICKET_CLOSED', `ticket ${ticket.id} changed just now; try again`);
    const message = await tx.ticketMessages.add({
      ticketId: ticket.id,
      direction: 'to_shopper',
      authorId: cmd.seller.telegramUserId,
      authorName,
      authorRole: 'seller',
      ...checked.value,
      now,
    });
    await tx.outbox.enqueue(relaysOf(ticket, message), now);
    return ok({ ticket: { ...ticket, status: 'answered', waitingSince: null, reminded: false, updatedAt: now }, message });
  });
}
