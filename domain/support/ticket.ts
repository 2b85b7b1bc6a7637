/** Where a ticket stands: waiting for staff (open), for the shopper (asked something), answered, or closed. */
export const TICKET_STATUSES = ['open', 'waiting_for_shopper', 'answered', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Every status but closed: the shopper's messages go to this ticket while it is in one of them. */
export const ACTIVE_STATUSES: readonly TicketStatus[] = ['open', 'waiting_for_shopper', 'answered'];

export const MESSAGE_KINDS = ['text', 'photo', 'document', 'event'] as const;
/** `event`: a change of the ticket (closed, reopened, assigned), kept in the history and told to the other side. */
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export const MESSAGE_DIRECTIONS = ['to_staff', 'to_shopper'] as const;
export type MessageDirection = (typeof MESSAGE_DIRECTIONS)[number];

/** Who wrote a line: the shopper, the shop's staff (admins), or the seller whose order the ticket is about. */
export const AUTHOR_ROLES = ['shopper', 'staff', 'seller'] as const;
export type AuthorRole = (typeof AUTHOR_ROLES)[number];

export const TICKET_EVENTS = ['opened', 'closed', 'reopened', 'assigned'] as const;
export type TicketEvent = (typeof TICKET_EVENTS)[number];

export interface Ticket {
  id: number;
  userId: string;
  /** The shopper's own order the ticket is about, when opened from it. */
  orderNo: string | null;
  /** The seller (other than the house) whose order it is: they are told, read the history and answer. */
  sellerId: number | null;
  status: TicketStatus;
  /** The admin (Telegram id) looking after it. */
  assignee: string | null;
  /** The support chat's forum topic for this ticket, once made. */
  threadId: number | null;
  /** Since when the shopper has waited for staff (status open); null otherwise. */
  waitingSince: Date | null;
  /** The reminder for the current waiting period went out. */
  reminded: boolean;
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
}

/** A file as Telegram knows it: its file_id is what is stored and sent again (no bytes kept here). */
export interface TicketAttachment {
  fileId: string;
  fileName: string | null;
}

export interface TicketMessage {
  id: number;
  ticketId: number;
  direction: MessageDirection;
  /** Who wrote it: the shopper's or the admin's Telegram id, or `api` for an admin acting through the API key. */
  authorId: string;
  /** The author's name as shown to the other side (a first name; staff replies say "Support" to shoppers). */
  authorName: string;
  authorRole: AuthorRole;
  kind: MessageKind;
  /** The text, or a photo's or document's caption (may be empty), or the event's name for kind `event`. */
  text: string;
  attachment: TicketAttachment | null;
  createdAt: Date;
  /** When it reached the other side; null while it waits (Telegram down, no bot connected). */
  relayedAt: Date | null;
}

export interface TicketWithHistory {
  ticket: Ticket;
  messages: TicketMessage[];
}

/** Telegram's limits: a message text is at most 4096 characters, a caption 1024. */
export const MAX_MESSAGE_TEXT = 4096;
export const MAX_CAPTION = 1024;
/** A file_id is an opaque token; Telegram's are well under this. */
export const MAX_FILE_ID = 255;
export const MAX_FILE_NAME = 255;
export const MAX_AUTHOR_NAME = 64;
/** The most messages a history answer holds (the newest ones). */
export const MAX_HISTORY = 500;
