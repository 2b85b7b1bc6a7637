import { DomainError, Result, fail, ok } from '../shared/result';
import { ValidationError, invalid } from '../shared/validation';
import { SupportDeps } from './support-deps';
import { MAX_HISTORY, TICKET_STATUSES, Ticket, TicketStatus, TicketWithHistory } from './ticket';

export interface ListTickets {
  /** A shopper's own tickets; omitted: every shopper's (admins). */
  userId?: string;
  status?: string;
  beforeId?: number;
  limit?: number;
}

export const MAX_TICKET_PAGE = 100;

/** Tickets newest first, by status when asked; the next page starts before the last id seen. */
export async function listTickets(deps: SupportDeps, query: ListTickets): Promise<Result<Ticket[], ValidationError>> {
  const status = query.status === undefined ? undefined : TICKET_STATUSES.find((s) => s === query.status);
  if (query.status !== undefined && status === undefined) return invalid('status', `must be one of ${TICKET_STATUSES.join(', ')}`);
  const limit = query.limit ?? 20;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_TICKET_PAGE) return invalid('limit', `must be 1-${MAX_TICKET_PAGE}`);
  const tickets = await deps.uow.read((r) =>
    r.tickets.list({
      ...(query.userId !== undefined ? { userId: query.userId } : {}),
      ...(status !== undefined ? { status: status satisfies TicketStatus } : {}),
      ...(query.beforeId !== undefined ? { beforeId: query.beforeId } : {}),
      limit,
    }),
  );
  return ok(tickets);
}

/** A ticket with its history (the newest MAX_HISTORY lines); a shopper asking for another's gets TICKET_NOT_FOUND. */
export async function getTicket(
  deps: SupportDeps,
  ticketId: number,
  forUser: string | null,
): Promise<Result<TicketWithHistory, DomainError<'TICKET_NOT_FOUND'>>> {
  const found = await deps.uow.read(async (r) => {
    const [ticket, messages] = await Promise.all([r.tickets.findById(ticketId), r.ticketMessages.history(ticketId, MAX_HISTORY)]);
    return ticket ? { ticket, messages } : null;
  });
  if (!found || (forUser !== null && found.ticket.userId !== forUser)) return fail('TICKET_NOT_FOUND', `no ticket ${ticketId}`);
  return ok(found);
}

/** The shopper's ticket that is not closed, if any (the chat asks before treating a message as one for support). */
export function activeTicket(deps: SupportDeps, userId: string): Promise<Ticket | null> {
  return deps.uow.read((r) => r.tickets.findActive(userId));
}

/** The ticket a forum topic of the support chat belongs to. */
export function ticketOfThread(deps: SupportDeps, threadId: number): Promise<Ticket | null> {
  return deps.uow.read((r) => r.tickets.findByThread(threadId));
}
