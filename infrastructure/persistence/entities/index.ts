import { AccountEntity } from './account-entity';
import { CartItemEntity } from './cart-item-entity';
import { JobRunEntity } from './job-run-entity';
import { LedgerEntryEntity } from './ledger-entry-entity';
import { OrderEntity } from './order-entity';
import { OrderLineEntity } from './order-line-entity';
import { OutboxEntity } from './outbox-entity';
import { PaymentEntity } from './payment-entity';
import { ProductCodeEntity } from './product-code-entity';
import { ProductEntity } from './product-entity';
import { RefundEntity } from './refund-entity';
import { UserEntity } from './user-entity';

/** Every table the repositories touch; the migrations, not these schemas, define the tables. */
export const ALL_ENTITIES = [
  UserEntity,
  ProductEntity,
  ProductCodeEntity,
  CartItemEntity,
  OrderEntity,
  OrderLineEntity,
  AccountEntity,
  LedgerEntryEntity,
  PaymentEntity,
  RefundEntity,
  OutboxEntity,
  JobRunEntity,
];
