import { MessagingRepositories } from '../../../domain/messaging';
import { TypeormUserRepository } from '../account/typeorm-user-repository';
import { definePersistence } from '../persistence-part';

/** A broadcast's recipients are the shoppers: read from the users table (its entity is the account context's). */
export const messagingPersistence = definePersistence<MessagingRepositories>([], (manager) => ({
  recipients: new TypeormUserRepository(manager),
}));
