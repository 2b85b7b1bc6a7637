// The support context's public face: what other contexts and the doors may use.
export { SUPPORT_ERROR_CODES, supportContext } from './support-context';
export type { SupportErrorCode } from './support-context';
export type { SupportDeps, SupportRepositories, SupportSettings, SupportTx } from './support-deps';
export {
  ACTIVE_STATUSES,
  AUTHOR_ROLES,
  MAX_CAPTION,
  MAX_HISTORY,
  MAX_MESSAGE_TEXT,
  MESSAGE_DIRECTIONS,
  MESSAGE_KINDS,
  TICKET_EVENTS,
  TICKET_STATUSES,
} from './ticket';
export type {
  AuthorRole,
  MessageDirection,
  MessageKind,
  Ticket,
  TicketAttachment,
  TicketEvent,
  TicketMessage,
  TicketStatus,
  TicketWithHistory,
} from './ticket';
export type { NewTicket, NewTicketMessage, TicketChange, TicketMessageRepository, TicketQuery, TicketRepository } from './ticket-repository';
export type { RelayOutcome, SupportRelay } from './support-relay';
export type { MessageContent } from './message-content';
export type { OpenTicket, OpenTicketError } from './open-ticket';
export type { ShopperMessage, ShopperMessageError } from './shopper-message';
export type { StaffReply, StaffReplyError } from './staff-reply';
export type { TicketActionError, TicketActor } from './ticket-actions';
export { MAX_TICKET_PAGE } from './ticket-queries';
export type { ListTickets } from './ticket-queries';
export type { RemindReport } from './remind-unanswered';
export { relayMessageTopic } from './relay-topics';
export type { SellerActor, SellerReply, SellerTicketError } from './seller-tickets';
