import { AuthorRole, MessageDirection, MessageKind, Ticket, TicketAttachment, TicketMessage, TicketStatus } from './ticket';

export interface NewTicket {
  userId: string;
  orderNo: string | null;
  sellerId: number | null;
  now: Date;
}

/** The fields a status change writes; the repository applies them only while the ticket is in one of `from`. */
export interface TicketChange {
  status?: TicketStatus;
  assignee?: string | null;
  waitingSince?: Date | null;
  reminded?: boolean;
  closedAt?: Date | null;
  now: Date;
}

export interface TicketQuery {
  userId?: string;
  /** Only the tickets on this seller's orders. */
  sellerId?: number;
  status?: TicketStatus;
  /** Newest first; only tickets with a smaller id (the next page). */
  beforeId?: number;
  limit: number;
}

export interface TicketRepository {
  /**
   * Inserts an open ticket. A shopper has at most one ticket that is not closed (a unique key on the active
   * shopper): 'ALREADY_OPEN' when they have one.
   */
  insert(ticket: NewTicket): Promise<Ticket | 'ALREADY_OPEN'>;
  findById(id: number): Promise<Ticket | null>;
  /** The shopper's ticket that is not closed, if any (one index lookup). */
  findActive(userId: string): Promise<Ticket | null>;
  findByThread(threadId: number): Promise<Ticket | null>;
  list(query: TicketQuery): Promise<Ticket[]>;
  /**
   * One conditional UPDATE: true when the ticket was in one of `from` and now carries the change. Leaving `closed`
   * makes the shopper's ticket active again: 'ALREADY_OPEN' when another of theirs is.
   */
  change(id: number, from: readonly TicketStatus[], change: TicketChange): Promise<boolean | 'ALREADY_OPEN'>;
  /** Remembers the ticket's forum topic; false when it has one already (another relay made it first). */
  setThread(id: number, threadId: number): Promise<boolean>;
  /** Forgets a topic that no longer exists (only that one), so the next relay makes a new one. */
  dropThread(id: number, threadId: number): Promise<boolean>;
  /** Open tickets whose shopper has waited since before `cutoff` and were not reminded about yet, oldest first. */
  findUnansweredSince(cutoff: Date, limit: number): Promise<Ticket[]>;
  /** Marks the reminder for this waiting period as sent; false when the period changed or it was sent already. */
  markReminded(id: number, waitingSince: Date): Promise<boolean>;
}

export interface NewTicketMessage {
  ticketId: number;
  direction: MessageDirection;
  authorId: string;
  authorName: string;
  /** Default: the shopper for to_staff, staff for to_shopper. */
  authorRole?: AuthorRole;
  kind: MessageKind;
  text: string;
  attachment: TicketAttachment | null;
  now: Date;
}

export interface TicketMessageRepository {
  add(message: NewTicketMessage): Promise<TicketMessage>;
  findById(id: number): Promise<TicketMessage | null>;
  /** The newest `limit` messages of a ticket, oldest first. */
  history(ticketId: number, limit: number): Promise<TicketMessage[]>;
  /** Messages of the ticket not relayed yet, up to and including `upToId`, in the order they were written. */
  pendingRelay(ticketId: number, upToId: number): Promise<TicketMessage[]>;
  markRelayed(id: number, at: Date): Promise<boolean>;
}
