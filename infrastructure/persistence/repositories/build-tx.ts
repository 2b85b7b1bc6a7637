import { EntityManager } from 'typeorm';
import { Tx } from '../../../domain/shared/unit-of-work';
import { Dialect } from '../dialect';
import { TypeormAccountRepository } from './typeorm-account-repository';
import { TypeormCartRepository } from './typeorm-cart-repository';
import { TypeormCodePoolRepository } from './typeorm-code-pool-repository';
import { TypeormOrderRepository } from './typeorm-order-repository';
import { TypeormOutboxRepository } from './typeorm-outbox-repository';
import { TypeormPaymentRepository } from './typeorm-payment-repository';
import { TypeormProductRepository } from './typeorm-product-repository';
import { TypeormRefundRepository } from './typeorm-refund-repository';
import { TypeormUserRepository } from './typeorm-user-repository';

/** The repositories of one transaction, all bound to its EntityManager (and so to its connection). */
export function buildTx(manager: EntityManager, dialect: Dialect, afterCommit: Tx['afterCommit']): Tx {
  return {
    users: new TypeormUserRepository(manager),
    products: new TypeormProductRepository(manager, dialect),
    codes: new TypeormCodePoolRepository(manager),
    carts: new TypeormCartRepository(manager),
    orders: new TypeormOrderRepository(manager),
    accounts: new TypeormAccountRepository(manager),
    payments: new TypeormPaymentRepository(manager),
    refunds: new TypeormRefundRepository(manager),
    outbox: new TypeormOutboxRepository(manager),
    afterCommit,
  };
}
