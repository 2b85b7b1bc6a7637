import { defineTopic, OutboxEntry } from '../shared/outbox/topic';
import { Ticket, TicketMessage } from './ticket';

/** One stored message to carry to the other side; the handler relays every earlier pending one of its ticket first. */
export interface RelayMessage {
  ticketId: number;
  messageId: number;
}

const positive = (value: unknown): number | null => (typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : null);

const decodeRelay = (p: Readonly<Record<string, unknown>>): RelayMessage | null => {
  const ticketId = positive(p.ticketId);
  const messageId = positive(p.messageId);
  return ticketId === null || messageId === null ? null : { ticketId, messageId };
};

export const relayMessageTopic = defineTopic<RelayMessage>('support.relay', decodeRelay);

export const relayOf = (message: TicketMessage): OutboxEntry =>
  relayMessageTopic.message({ ticketId: message.ticketId, messageId: message.id }, `support:relay:${message.id}`);

/**
 * A line of a seller's ticket to carry to that seller (their own lines excepted). A topic of its own, so the desk's
 * relay (staff ⇄ shopper, tracked per message) is untouched; at least once, each line by itself.
 */
export const sellerRelayTopic = defineTopic<RelayMessage>('support.seller-relay', decodeRelay);

/** A seller's line, copied to staff (their forum topic or chats): the admins still see the whole conversation. */
export const staffCopyTopic = defineTopic<RelayMessage>('support.staff-copy', decodeRelay);

/**
 * The relays a new line of `ticket` needs: the other side; the ticket's seller unless they wrote it; and staff, for
 * a line the seller wrote (it goes to the shopper, and staff would not see it otherwise).
 */
export const relaysOf = (ticket: Pick<Ticket, 'sellerId'>, message: TicketMessage): OutboxEntry[] => {
  const job = { ticketId: message.ticketId, messageId: message.id };
  if (ticket.sellerId === null) return [relayOf(message)];
  if (message.authorRole === 'seller') return [relayOf(message), staffCopyTopic.message(job, `support:staff-copy:${message.id}`)];
  return [relayOf(message), sellerRelayTopic.message(job, `support:seller-relay:${message.id}`)];
};
