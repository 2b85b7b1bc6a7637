import { EntityManager } from 'typeorm';
import { accountPersistence } from './account/account-persistence';
import { catalogPersistence } from './catalog/catalog-persistence';
import { couponsPersistence } from './coupons/coupons-persistence';
import { Dialect } from './dialect';
import { JobRunEntity } from './job-runs/job-run-entity';
import { messagingPersistence } from './messaging/messaging-persistence';
import { orderingPersistence } from './ordering/ordering-persistence';
import { OutboxEntity } from './outbox/outbox-entity';
import { PersistencePart } from './persistence-part';
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

type RepositoriesOf<P> = P extends PersistencePart<infer R> ? R : never;

/** The repositories of one transaction, all bound to its EntityManager (and so to its connection). */
export type ShopRepositories = RepositoriesOf<typeof catalogPersistence> &
  RepositoriesOf<typeof accountPersistence> &
  RepositoriesOf<typeof messagingPersistence> &
  RepositoriesOf<typeof orderingPersistence> &
  RepositoriesOf<typeof paymentPersistence> &
  RepositoriesOf<typeof reviewsPersistence> &
  RepositoriesOf<typeof referralsPersistence> &
  RepositoriesOf<typeof supportPersistence> &
  RepositoriesOf<typeof restockPersistence> &
  RepositoriesOf<typeof sellersPersistence> &
  RepositoriesOf<typeof couponsPersistence>;

const PARTS: ReadonlyArray<PersistencePart<object>> = [
  catalogPersistence,
  accountPersistence,
  messagingPersistence,
  orderingPersistence,
  paymentPersistence,
  reviewsPersistence,
  referralsPersistence,
  supportPersistence,
  restockPersistence,
  sellersPersistence,
  couponsPersistence,
];

/**
 * Built for every transaction and every plain read, so it must be cheap: Object.assign in a loop, not one object
 * literal of ten spreads — V8 takes a slow path for that literal (~50 µs a call on this machine, 10% of a catalog
 * request's CPU), the loop ~3 µs.
 */
export function shopRepositories(manager: EntityManager, dialect: Dialect): ShopRepositories {
  const repositories = {};
  for (const part of PARTS) Object.assign(repositories, part.repositories(manager, dialect));
  // The parts above are exactly the ones the type lists (one line per context in each).
  return repositories as ShopRepositories;
}
