import { OrderingRepositories } from '../ordering';
import { Clock } from '../shared/clock';
import { DistributedLock } from '../shared/ports/distributed-lock';
import { TxBase, UnitOfWork } from '../shared/unit-of-work';
import { NoticeMailer } from '../messaging';
import { SupportRelay } from './support-relay';
import { TicketMessageRepository, TicketRepository } from './ticket-repository';

/** What support adds to a transaction. */
export interface SupportRepositories {
  tickets: TicketRepository;
  ticketMessages: TicketMessageRepository;
}

/** What support's use cases may touch: its own tables, and the orders (a ticket's order must be the shopper's own). */
export type SupportTx = TxBase & SupportRepositories & Pick<OrderingRepositories, 'orders'>;

export interface SupportSettings {
  /** A ticket whose shopper has waited this long for staff is reminded about (once per waiting period). */
  remindAfterMs: number;
}

export interface SupportDeps {
  uow: UnitOfWork<SupportRepositories & Pick<OrderingRepositories, 'orders'>>;
  clock: Clock;
  support: SupportSettings;
  /** The chat side; relays wait (outbox retries) while none is connected. */
  supportRelay: SupportRelay;
  /** Messaging's mail channel, when SMTP is configured: staff replies are then mailed to shoppers who gave an address. */
  mailer?: NoticeMailer;
  /** Keeps one relay per ticket at a time, so a conversation arrives in the order it was written. */
  lock: DistributedLock;
}
