import { stockBackTopic } from '../catalog';
import { defineContext } from '../shared/context';
import { handle } from '../shared/outbox/outbox-handler';
import { cancelNotifyMe, isWaiting, notifyMe } from './notify-me';
import { RestockDeps } from './restock-deps';
import { tellWaitingShoppers } from './tell-waiting-shoppers';

export const RESTOCK_ERROR_CODES = ['PRODUCT_IN_STOCK'] as const;
export type RestockErrorCode = (typeof RESTOCK_ERROR_CODES)[number];

/** "Tell me when it is back": alerts on sold-out products, told once when the catalog says the stock is back. */
export function restockContext(deps: RestockDeps) {
  return defineContext(
    {
      notifyMe: (userId: string, productId: unknown) => notifyMe(deps, userId, productId),
      cancelNotifyMe: (userId: string, productId: unknown) => cancelNotifyMe(deps, userId, productId),
      isWaiting: (userId: string, productId: number) => isWaiting(deps, userId, productId),
    },
    {
      handlers: [handle(stockBackTopic, (p) => tellWaitingShoppers(deps, p.productId))],
      errorCodes: RESTOCK_ERROR_CODES,
    },
  );
}
