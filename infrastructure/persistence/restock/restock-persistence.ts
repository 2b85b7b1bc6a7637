import { RestockRepositories } from '../../../domain/restock';
import { definePersistence } from '../persistence-part';
import { RestockAlertEntity } from './restock-alert-entity';
import { TypeormRestockAlertRepository } from './typeorm-restock-alert-repository';

export const restockPersistence = definePersistence<RestockRepositories>([RestockAlertEntity], (manager) => ({
  restockAlerts: new TypeormRestockAlertRepository(manager),
}));
