import { SellersRepositories } from '../../../domain/sellers';
import { definePersistence } from '../persistence-part';
import { SellerBalanceEntity, SellerEntity, SellerLedgerEntity, SellerPayoutEntity } from './seller-entities';
import { TypeormSellerMoneyRepository } from './typeorm-seller-money-repository';
import { TypeormSellerPayoutRepository } from './typeorm-seller-payout-repository';
import { TypeormSellerRepository } from './typeorm-seller-repository';

export const sellersPersistence = definePersistence<SellersRepositories>(
  [SellerEntity, SellerBalanceEntity, SellerLedgerEntity, SellerPayoutEntity],
  (manager) => ({
    sellers: new TypeormSellerRepository(manager),
    sellerMoney: new TypeormSellerMoneyRepository(manager),
    sellerPayouts: new TypeormSellerPayoutRepository(manager),
  }),
);
