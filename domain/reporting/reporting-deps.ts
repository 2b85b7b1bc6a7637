import { CatalogRepositories } from '../catalog';
import { OrderingRepositories } from '../ordering';
import { PaymentRepositories } from '../payment';
import { Clock } from '../shared/clock';
import { ShopLimits } from '../shared/limits';
import { UnitOfWork } from '../shared/unit-of-work';

export interface ReportingDeps {
  /** Reports read across contexts; they add nothing to a transaction of their own. */
  uow: UnitOfWork<OrderingRepositories & PaymentRepositories & CatalogRepositories>;
  clock: Clock;
  limits: ShopLimits;
}
