import { AccountRepositories } from '../../../domain/account';
import { definePersistence } from '../persistence-part';
import { AccountEntity } from './account-entity';
import { CheckoutFailureEntity } from './checkout-failure-entity';
import { LedgerEntryEntity } from './ledger-entry-entity';
import { ShippingAddressEntity } from './shipping-address-entity';
import { TypeormShippingAddressRepository } from './typeorm-shipping-address-repository';
import { TypeormAccountRepository } from './typeorm-account-repository';
import { TypeormCheckoutLockRepository } from './typeorm-checkout-lock-repository';
import { TypeormUserRepository } from './typeorm-user-repository';
import { UserEntity } from './user-entity';

export const accountPersistence = definePersistence<AccountRepositories>(
  [UserEntity, AccountEntity, LedgerEntryEntity, ShippingAddressEntity, CheckoutFailureEntity],
  (manager, dialect) => ({
    users: new TypeormUserRepository(manager),
    accounts: new TypeormAccountRepository(manager, dialect),
    addresses: new TypeormShippingAddressRepository(manager),
    checkoutLocks: new TypeormCheckoutLockRepository(manager),
  }),
);
