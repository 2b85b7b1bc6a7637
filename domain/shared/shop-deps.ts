import { Clock } from './clock';
import { ShopLimits } from './limits';
import { UnitOfWork } from './unit-of-work';

/** What almost every use case needs: the transaction boundary, the time and the shop's limits. */
export interface ShopDeps {
  uow: UnitOfWork;
  clock: Clock;
  limits: ShopLimits;
}
