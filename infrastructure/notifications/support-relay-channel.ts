import { RelayOutcome, SupportRelay, Ticket, TicketMessage } from '../../domain/support';

/**
 * The support context's one SupportRelay, behind which the bot connects its chats once it runs. With none
 * connected (a process without a bot token) a relay throws, so the outbox keeps the message and tries again later:
 * the conversation is stored either way, and nothing is marked relayed that nobody saw.
 */
export class SupportRelayChannel implements SupportRelay {
  private relay: SupportRelay | null = null;

  use(relay: SupportRelay): void {
    this.relay = relay;
  }

  openThread(ticket: Ticket, first: TicketMessage): Promise<number | null> {
    return this.current().openThread(ticket, first);
  }

  toStaff(ticket: Ticket, message: TicketMessage): Promise<RelayOutcome> {
    return this.current().toStaff(ticket, message);
  }

  toShopper(ticket: Ticket, message: TicketMessage): Promise<RelayOutcome> {
    return this.current().toShopper(ticket, message);
  }

  toSeller(ticket: Ticket, message: TicketMessage): Promise<RelayOutcome> {
    return this.current().toSeller(ticket, message);
  }

  private current(): SupportRelay {
    if (!this.relay) throw new Error('no chat connected for support messages yet (the bot is not running in this process)');
    return this.relay;
  }
}
