import { ShelfTx } from '../catalog';
import { Clock } from '../shared/clock';
import { Ids } from '../shared/ids';
import { ShopLimits } from '../shared/limits';
import { TxBase, UnitOfWork } from '../shared/unit-of-work';
import { SellerMoneyRepository, SellerPayoutRepository } from './seller-money';
import { SellerRepository } from './seller-repository';

/** What the sellers context adds to a transaction: the shops, their money, their payouts. */
export interface SellersRepositories {
  sellers: SellerRepository;
  sellerMoney: SellerMoneyRepository;
  sellerPayouts: SellerPayoutRepository;
}

export type SellersTx = TxBase & SellersRepositories;

export interface SellersDeps {
  /** With the catalog's products and search: suspending a shop closes its shelf in the same transaction. */
  uow: UnitOfWork<SellersRepositories & ShelfTx>;
  clock: Clock;
  ids: Ids;
  limits: ShopLimits;
}
