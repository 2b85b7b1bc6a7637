import { CatalogRepositories } from '../catalog';
import { Clock } from '../shared/clock';
import { UnitOfWork } from '../shared/unit-of-work';
import { RestockAlertRepository } from './restock-alert';

/** What restock adds to a transaction. */
export interface RestockRepositories {
  restockAlerts: RestockAlertRepository;
}

export interface RestockDeps {
  uow: UnitOfWork<RestockRepositories & Pick<CatalogRepositories, 'products'>>;
  clock: Clock;
}
