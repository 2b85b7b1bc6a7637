import { defineContext } from '../shared/context';
import { RetryPolicy, handle } from '../shared/outbox/outbox-handler';
import { OpenTicket, openTicket } from './open-ticket';
import { relayTicketMessages } from './relay-ticket';
import { relayMessageTopic, sellerRelayTopic, staffCopyTopic } from './relay-topics';
import { copyToStaff, relayToSeller } from './relay-to-seller';
import { SellerReply, getSellerTicket, listSellerTickets, replyAsSeller } from './seller-tickets';
import { remindUnanswered } from './remind-unanswered';
import { ShopperMessage, postShopperMessage } from './shopper-message';
import { StaffReply, replyToTicket } from './staff-reply';
import { SupportDeps } from './support-deps';
import { TicketActor, assignTicket, closeTicket, reopenTicket } from './ticket-actions';
import { ListTickets, activeTicket, getTicket, listTickets, ticketOfThread } from './ticket-queries';

export const SUPPORT_ERROR_CODES = [
  'TICKET_NOT_FOUND',
  'TICKET_ORDER_NOT_FOUND',
  'TICKET_CLOSED',
  'TICKET_NOT_CLOSED',
  'TICKET_ALREADY_OPEN',
  'NO_OPEN_TICKET',
] as const;
export type SupportErrorCode = (typeof SUPPORT_ERROR_CODES)[number];

/**
 * A conversation is never given up on: while Telegram is unreachable a relay is tried again every few minutes for as
 * long as it takes (the standard policy would leave it DEAD after a few hours). Each relay sends the ticket's whole
 * backlog, so the first one that gets through catches up.
 */
const RELAY_RETRY: RetryPolicy = { maxAttempts: 100_000, backoffMs: (attempts) => Math.min(5_000 * 2 ** attempts, 5 * 60_000) };

/** The support desk: tickets with their whole conversation, relayed both ways through the outbox. */
export function supportContext(deps: SupportDeps) {
  return defineContext(
    {
      openTicket: (cmd: OpenTicket) => openTicket(deps, cmd),
      postShopperMessage: (cmd: ShopperMessage) => postShopperMessage(deps, cmd),
      replyToTicket: (cmd: StaffReply) => replyToTicket(deps, cmd),
      closeTicket: (ticketId: number, actor: TicketActor) => closeTicket(deps, ticketId, actor),
      reopenTicket: (ticketId: number, staffId: string, name?: string | null) => reopenTicket(deps, ticketId, staffId, name),
      assignTicket: (ticketId: number, assignee: string | null, by: { staffId: string; name?: string | null }) => assignTicket(deps, ticketId, assignee, by),
      listTickets: (query: ListTickets) => listTickets(deps, query),
      getTicket: (ticketId: number, forUser: string | null) => getTicket(deps, ticketId, forUser),
      activeTicket: (userId: string) => activeTicket(deps, userId),
      ticketOfThread: (threadId: number) => ticketOfThread(deps, threadId),
      remindUnanswered: (batch: number) => remindUnanswered(deps, batch),
      listSellerTickets: (sellerId: number, query: { beforeId?: number; limit?: number } = {}) => listSellerTickets(deps, sellerId, query),
      getSellerTicket: (ticketId: number, sellerId: number) => getSellerTicket(deps, ticketId, sellerId),
      replyAsSeller: (cmd: SellerReply) => replyAsSeller(deps, cmd),
    },
    {
      handlers: [
        handle(relayMessageTopic, (job) => relayTicketMessages(deps, job), RELAY_RETRY),
        handle(sellerRelayTopic, (job) => relayToSeller(deps, job), RELAY_RETRY),
        handle(staffCopyTopic, (job) => copyToStaff(deps, job), RELAY_RETRY),
      ],
      errorCodes: SUPPORT_ERROR_CODES,
    },
  );
}
