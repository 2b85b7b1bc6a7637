import { DomainError, Result, fail, ok } from '../shared/result';
import { authorNameOf } from './message-content';
import { relaysOf } from './relay-topics';
import { SupportDeps, SupportTx } from './support-deps';
import { ACTIVE_STATUSES, MessageDirection, Ticket, TicketEvent, TicketStatus } from './ticket';
import { TicketChange } from './ticket-repository';

/** Who acts on a ticket: its shopper, or staff (an admin's Telegram id, or `api`). */
export type TicketActor = { role: 'shopper'; userId: string; name?: string | null } | { role: 'staff'; staffId: string; name?: string | null };

export type TicketActionError = DomainError<'TICKET_NOT_FOUND' | 'TICKET_CLOSED' | 'TICKET_NOT_CLOSED' | 'TICKET_ALREADY_OPEN'>;

const actorId = (actor: TicketActor): string => (actor.role === 'shopper' ? actor.userId : actor.staffId);

/** A change told to the other side: the shopper closing reaches staff; staff closing or reopening reaches the shopper. */
const towards = (actor: TicketActor): MessageDirection => (actor.role === 'shopper' ? 'to_staff' : 'to_shopper');

async function act(
  deps: SupportDeps,
  ticketId: number,
  actor: TicketActor,
  decide: (
    ticket: Ticket,
  ) => Result<{ from: readonly TicketStatus[]; change: Omit<TicketChange, 'now'>; event: TicketEvent; direction: MessageDirection }, TicketActionError>,
): Promise<Result<Ticket, TicketActionError>> {
  const now = deps.clock.now();
  return deps.uow.run(async (tx: SupportTx) => {
    const ticket = await tx.tickets.findById(ticketId);
    // A shopper sees only their own tickets: another's reads as none.
    if (!ticket || (actor.role === 'shopper' && ticket.userId !== actor.userId)) return fail('TICKET_NOT_FOUND', `no ticket ${ticketId}`);
    const decided = decide(ticket);
    if (!decided.ok) return decided;
    const { from, change, event, direction } = decided.value;
    const changed = await tx.tickets.change(ticket.id, from, { ...change, now });
    if (changed === 'ALREADY_OPEN') return fail('TICKET_ALREADY_OPEN', `the shopper has another open ticket; ticket ${ticket.id} stays closed`);
    if (!changed) return fail('TICKET_CLOSED', `ticket ${ticket.id} changed just now; look again`);
    const fallbackName = actor.role === 'shopper' ? `#${actor.userId}` : 'Support';
    const line = await tx.ticketMessages.add({
      ticketId: ticket.id,
      direction,
      authorId: actorId(actor),
      authorName: authorNameOf(actor.name, fallbackName),
      kind: 'event',
      text: event,
      attachment: null,
      now,
    });
    await tx.outbox.enqueue(relaysOf(ticket, line), now);
    return ok({ ...ticket, ...change, updatedAt: now });
  });
}

/** The shopper or staff closes an active ticket; the shopper's next /support opens a new one. */
export function closeTicket(deps: SupportDeps, ticketId: number, actor: TicketActor): Promise<Result<Ticket, TicketActionError>> {
  return act(deps, ticketId, actor, (ticket) =>
    ticket.status === 'closed'
      ? fail('TICKET_CLOSED', `ticket ${ticket.id} is closed already`)
      : ok({ from: ACTIVE_STATUSES, change: { status: 'closed', closedAt: deps.clock.now(), waitingSince: null }, event: 'closed', direction: towards(actor) }),
  );
}

/** Staff reopen a closed ticket: it is open again, waiting for staff — unless the shopper has opened another meanwhile. */
export function reopenTicket(deps: SupportDeps, ticketId: number, staffId: string, name?: string | null): Promise<Result<Ticket, TicketActionError>> {
  const actor: TicketActor = { role: 'staff', staffId, name: name ?? null };
  return act(deps, ticketId, actor, (ticket) =>
    ticket.status !== 'closed'
      ? fail('TICKET_NOT_CLOSED', `ticket ${ticket.id} is not closed`)
      : ok({
          from: ['closed'],
          change: { status: 'open', closedAt: null, waitingSince: deps.clock.now(), reminded: false },
          event: 'reopened',
          direction: 'to_shopper',
        }),
  );
}

/** Gives an active ticket to an admin (null: to nobody); the other staff see it in the ticket's topic. */
export function assignTicket(
  deps: SupportDeps,
  ticketId: number,
  assignee: string | null,
  by: { staffId: string; name?: string | null },
): Promise<Result<Ticket, TicketActionError>> {
  const actor: TicketActor = {
    role: 'staff',
    staffId: assignee ?? by.staffId,
    name: assignee === null || assignee === by.staffId ? (by.name ?? null) : `#${assignee}`,
  };
  return act(deps, ticketId, actor, (ticket) =>
    ticket.status === 'closed'
      ? fail('TICKET_CLOSED', `ticket ${ticket.id} is closed`)
      : ok({ from: [ticket.status], change: { assignee }, event: 'assigned', direction: 'to_staff' }),
  );
}
