import { SupportRepositories } from '../../../domain/support';
import { definePersistence } from '../persistence-part';
import { SupportMessageEntity, SupportTicketEntity } from './support-entities';
import { TypeormTicketMessageRepository } from './typeorm-ticket-message-repository';
import { TypeormTicketRepository } from './typeorm-ticket-repository';

export const supportPersistence = definePersistence<SupportRepositories>([SupportTicketEntity, SupportMessageEntity], (manager) => ({
  tickets: new TypeormTicketRepository(manager),
  ticketMessages: new TypeormTicketMessageRepository(manager),
}));
