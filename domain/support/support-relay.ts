import { Ticket, TicketMessage } from './ticket';

/**
 * What became of one relayed message: it arrived; the other side can never get it (blocked the bot, or Telegram
 * refuses this message for good); or the ticket's forum topic is gone (deleted by staff): a new one is made.
 */
export type RelayOutcome = 'relayed' | 'unreachable' | 'thread-gone';

/**
 * The chat side of the desk, implemented outside the domain (the bot: a forum topic per ticket in the support chat,
 * or each admin privately). Called from the outbox only, never inside a transaction; a throw means "not now" and
 * the outbox tries again later, so a relay must tolerate being asked again for a message it already sent.
 */
export interface SupportRelay {
  /**
   * Makes the staff-side place for a ticket (a forum topic, named after the shopper who wrote `first`) and returns
   * its thread id; null when staff are written to privately.
   */
  openThread(ticket: Ticket, first: TicketMessage): Promise<number | null>;
  toStaff(ticket: Ticket, message: TicketMessage): Promise<RelayOutcome>;
  toShopper(ticket: Ticket, message: TicketMessage): Promise<RelayOutcome>;
  /** A line of a ticket on a seller's order, to that seller (`ticket.sellerId`), privately. */
  toSeller(ticket: Ticket, message: TicketMessage): Promise<RelayOutcome>;
}
