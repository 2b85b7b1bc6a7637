import { Clock } from '../shared/clock';
import { Ids } from '../shared/ids';
import { ShopLimits } from '../shared/limits';
import { TxBase, UnitOfWork } from '../shared/unit-of-work';
import { AccountRepository } from './account-repository';
import { CheckoutLockRepository } from './checkout-lockout';
import { ShippingAddressRepository } from './shipping-address';
import { UserRepository } from './shopper';

/** What the account context adds to a transaction: who shoppers are, and their credit. */
export interface AccountRepositories {
  users: UserRepository;
  accounts: AccountRepository;
  addresses: ShippingAddressRepository;
  /** Failed checkouts per shopper and the lockout they lead to. */
  checkoutLocks: CheckoutLockRepository;
}

export type AccountTx = TxBase & AccountRepositories;

export interface AccountDeps {
  uow: UnitOfWork<AccountRepositories>;
  clock: Clock;
  ids: Ids;
  limits: ShopLimits;
}
