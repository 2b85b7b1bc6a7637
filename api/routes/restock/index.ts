import { RestockErrorCode } from '../../../domain/restock';
import { defineRoutes } from '../../context-routes';
import { restockAlertRoutes } from './restock-alerts';

const RESTOCK_STATUS: Record<RestockErrorCode, number> = {
  PRODUCT_IN_STOCK: 409,
};

export const restockRoutes = defineRoutes(async (app, deps) => {
  await app.register(restockAlertRoutes, deps);
}, RESTOCK_STATUS);
