// The restock context's public face: what other contexts and the doors may use.
export { RESTOCK_ERROR_CODES, restockContext } from './restock-context';
export type { RestockErrorCode } from './restock-context';
export type { RestockDeps, RestockRepositories } from './restock-deps';
export type { RestockAlert, RestockAlertRepository } from './restock-alert';
export type { NotifyMeError } from './notify-me';
export { RESTOCK_BATCH } from './tell-waiting-shoppers';
