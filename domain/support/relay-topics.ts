import { defineTopic, OutboxEntry } from '../shared/outbox/topic';
import { TicketMessage } from './ticket';

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
