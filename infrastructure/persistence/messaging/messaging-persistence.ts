import { MessagingRepositories } from '../../../domain/messaging';
import { TypeormUserRepository } from '../account/typeorm-user-repository';
import { definePersistence } from '../persistence-part';
import { TypeormSellerRecipients } from '../sellers/typeorm-seller-recipients';

/** A broadcast's recipients are the shoppers: read from the users table (its entity is the account context's); sellers from theirs. */
export const messagingPersistence = definePersistence<MessagingRepositories>([], (manager) => ({
  recipients: new TypeormUserRepository(manager),
  sellerRecipients: new TypeormSellerRecipients(manager),
}));
