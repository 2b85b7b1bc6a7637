import { AccountRepositories } from '../account';
import { CatalogRepositories } from '../catalog';
import { CouponsRepositories } from '../coupons';
import { SellersRepositories } from '../sellers';
import { Clock } from '../shared/clock';
import { Ids } from '../shared/ids';
import { ShopLimits } from '../shared/limits';
import { TxBase, UnitOfWork } from '../shared/unit-of-work';
import { CartRepository } from './cart';
import { CheckoutRepository } from './checkout';
import { DeliveryOptionRepository } from './delivery-option';
import { FulfilmentWebhook } from './fulfilment-webhook';
import { OrderRepository } from './order-repository';

/** What ordering adds to a transaction. */
export interface OrderingRepositories {
  orders: OrderRepository;
  carts: CartRepository;
  checkouts: CheckoutRepository;
  deliveryOptions: DeliveryOptionRepository;
}

/** What ordering's use cases may touch: its own tables, the catalog's stock and codes, shoppers and their credit, coupons' counters. */
export type OrderingTx = TxBase & OrderingRepositories & CatalogRepositories & AccountRepositories & SellersRepositories & CouponsRepositories;

export interface OrderingDeps {
  uow: UnitOfWork<OrderingRepositories & CatalogRepositories & AccountRepositories & SellersRepositories & CouponsRepositories>;
  clock: Clock;
  ids: Ids;
  limits: ShopLimits;
  webhook: FulfilmentWebhook;
}
