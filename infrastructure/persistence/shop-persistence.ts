import { EntityManager } from 'typeorm';
import { accountPersistence } from './account/account-persistence';
import { catalogPersistence } from './catalog/catalog-persistence';
import { couponsPersistence } from './coupons/coupons-persistence';
import { Dialect } from './dialect';
import { JobRunEntity } from './job-runs/job-run-entity';
import { messagingPersistence } from './messaging/messaging-persistence';
import { orderingPersistence } from './ordering/ordering-persistence';
import { OutboxEntity } from './outbox/outbox-entity';
import { paymentPersistence } from './payment/payment-persistence';
import { referralsPersistence } from './referrals/referrals-persistence';
import { reviewsPersistence } from './reviews/reviews-persistence';
import { restockPersistence } from './restock/restock-persistence';
import { supportPersistence } from './support/support-persistence';
import { sellersPersistence } from './sellers/sellers-persistence';

// One line per context in each list: its tables, and its repositories in every transaction. The unit of work's
// type is what these add up to, so a context whose repositories are missing here does not compile where it is wired.

/** Every table the repositories touch; the migrations, not these schemas, define the tables. */
export const SHOP_ENTITIES = [
  ...catalogPersistence.entities,
  ...accountPersistence.entities,
  ...messagingPersistence.entities,
  ...orderingPersistence.entities,
  ...paymentPersistence.entities,
  ...reviewsPersistence.entities,
  ...referralsPersistence.entities,
  ...supportPersistence.entities,
  ...restockPersistence.entities,
  ...sellersPersistence.entities,
  ...couponsPersistence.entities,
  OutboxEntity,
  JobRunEntity,
];

/** The repositories of one transaction, all bound to its EntityManager (and so to its connection). */
export const shopRepositories = (manager: EntityManager, dialect: Dialect) => ({
  ...catalogPersistence.repositories(manager, dialect),
  ...accountPersistence.repositories(manager, dialect),
  ...messagingPersistence.repositories(manager, dialect),
  ...orderingPersistence.repositories(manager, dialect),
  ...paymentPersistence.repositories(manager, dialect),
  ...reviewsPersistence.repositories(manager, dialect),
  ...referralsPersistence.repositories(manager, dialect),
  ...supportPersistence.repositories(manager, dialect),
  ...restockPersistence.repositories(manager, dialect),
  ...sellersPersistence.repositories(manager, dialect),
  ...couponsPersistence.repositories(manager, dialect),
});

export type ShopRepositories = ReturnType<typeof shopRepositories>;
