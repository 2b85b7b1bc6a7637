import { HOUSE_SELLER_ID, ORDER_NO_PATTERN } from '../ordering';
import { DomainError, Result, fail, ok } from '../shared/result';
import { ValidationError, invalid } from '../shared/validation';
import { CheckedContent, MessageContent, authorNameOf, checkContent } from './message-content';
import { relaysOf } from './relay-topics';
import { shopperWritesInTx } from './shopper-message';
import { SupportDeps } from './support-deps';
import { Ticket } from './ticket';

export interface OpenTicket {
  userId: string;
  /** Opened from an order's screen: it must be the shopper's own order. */
  orderNo?: string | null;
  /** The shopper's name as staff will see it. */
  authorName?: string | null;
  /** A first message (the API opens with one; /support opens without). */
  message?: MessageContent;
}

export type OpenTicketError = ValidationError | DomainError<'TICKET_ORDER_NOT_FOUND' | 'TICKET_CLOSED'>;

/**
 * Opens a ticket — or hands back the shopper's ticket that is still open (one at a time, so every message has one
 * place to go). The opening is itself a line of the history, relayed to staff: they see the ticket (and its order)
 * at once, before the shopper writes.
 */
export async function openTicket(deps: SupportDeps, cmd: OpenTicket): Promise<Result<{ ticket: Ticket; created: boolean }, OpenTicketError>> {
  const orderNo = cmd.orderNo ?? null;
  if (orderNo !== null && !ORDER_NO_PATTERN.test(orderNo)) return invalid('orderNo', 'is not an order number');
  let first: CheckedContent | null = null;
  if (cmd.message) {
    const checked = checkContent(cmd.message);
    if (!checked.ok) return checked;
    first = checked.value;
  }
  const authorName = authorNameOf(cmd.authorName, `#${cmd.userId}`);
  const now = deps.clock.now();
  return deps.uow.run(async (tx) => {
    let sellerId: number | null = null;
    if (orderNo !== null) {
      const order = await tx.orders.findByNo(orderNo);
      // Someone else's order reads as no order at all: a ticket never tells whose order a number is.
      if (!order || order.userId !== cmd.userId) return fail('TICKET_ORDER_NOT_FOUND', `no order ${orderNo} of yours`);
      // Another seller's order: that seller is told, reads the ticket and answers (the house's staff are always told).
      if (order.sellerId !== HOUSE_SELLER_ID) sellerId = order.sellerId;
    }
    const inserted = await tx.tickets.insert({ userId: cmd.userId, orderNo, sellerId, now });
    const ticket = inserted === 'ALREADY_OPEN' ? await tx.tickets.findActive(cmd.userId) : inserted;
    // The unique key said there is one; it can only be gone if it closed in between: the caller may simply try again.
    if (ticket === null) throw new Error(`ticket of ${cmd.userId} closed while opening another`);
    const created = inserted !== 'ALREADY_OPEN';
    const lines = [];
    if (created) {
      lines.push(
        await tx.ticketMessages.add({
          ticketId: ticket.id,
          direction: 'to_staff',
          authorId: cmd.userId,
          authorName,
          kind: 'event',
          text: 'opened',
          attachment: null,
          now,
        }),
      );
    }
    if (lines.length > 0)
      await tx.outbox.enqueue(
        lines.flatMap((line) => relaysOf(ticket, line)),
        now,
      );
    if (first) {
      const written = await shopperWritesInTx(tx, ticket, first, authorName, now);
      if (!written) return fail('TICKET_CLOSED', `ticket ${ticket.id} changed just now; try again`);
      return ok({ ticket: written.ticket, created });
    }
    return ok({ ticket, created });
  });
}
