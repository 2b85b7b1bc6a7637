import { accountActions } from './features/account/account-actions';
import { adminActions } from './features/admin/admin-actions';
import { adminOrdersActions } from './features/admin-orders/admin-orders-actions';
import { adminProductsActions } from './features/admin-products/admin-products-actions';
import { broadcastActions } from './features/broadcast/broadcast-actions';
import { cartActions } from './features/cart/cart-actions';
import { catalogActions } from './features/catalog/catalog-actions';
import { jobsActions } from './features/jobs/jobs-actions';
import { marketplaceActions } from './features/marketplace/marketplace-actions';
import { menuActions } from './features/menu/menu-actions';
import { ordersActions } from './features/orders/orders-actions';
import { reviewsActions } from './features/reviews/reviews-actions';
import { searchActions } from './features/search/search-actions';
import { restockActions } from './features/restock/restock-actions';
import { supportActions } from './features/support/support-actions';
import { adminSellersActions } from './features/admin-sellers/admin-sellers-actions';
import { sellersActions } from './features/sellers/sellers-actions';
import { MAX_CALLBACK_DATA_BYTES } from './format/telegram-limits';
import { ActionSpec, PayloadOfSpec, fitsCallbackData, splitCallbackData } from './routing/action-codec';

export { fitsCallbackData };

/**
 * Every kind of button, with its codec: each feature declares its own (bot/features/<feature>/<feature>-actions.ts),
 * listed here one line per feature. Encoded short ("p:12"), because Telegram allows 64 bytes of callback data.
 */
const ACTIONS = {
  ...menuActions,
  ...catalogActions,
  ...cartActions,
  ...ordersActions,
  ...accountActions,
  ...adminActions,
  ...adminOrdersActions,
  ...adminProductsActions,
  ...jobsActions,
  ...broadcastActions,
  ...searchActions,
  ...reviewsActions,
  ...supportActions,
  ...restockActions,
  ...marketplaceActions,
  ...sellersActions,
  ...adminSellersActions,
};

type Specs = typeof ACTIONS;
export type ActionKind = keyof Specs;
/** Everything a button can ask for. */
export type Action = { [K in ActionKind]: { k: K } & PayloadOfSpec<Specs[K]> }[ActionKind];

type Payloads = { [K in ActionKind]: PayloadOfSpec<Specs[K]> };
/** The same table, typed so that a kind's spec is known to take that kind's payload. */
const TYPED: { readonly [K in ActionKind]: ActionSpec<K, Payloads[K]> } = ACTIONS;

const SPECS: ReadonlyArray<Specs[ActionKind]> = Object.values(ACTIONS);
const BY_CODE = new Map(SPECS.map((spec) => [spec.code, spec]));
if (BY_CODE.size !== SPECS.length) throw new Error('two button kinds share one callback code');

/** Every button kind, in the order the features list them. */
export const ACTION_KINDS: readonly ActionKind[] = SPECS.map((spec) => spec.kind);

/** Buttons only admins are shown; anyone else pressing one (forged data) gets the same answer as for garbage. */
export const ADMIN_ACTIONS: ReadonlySet<ActionKind> = new Set(SPECS.filter((spec) => spec.adminOnly).map((spec) => spec.kind));

/** The spec whose code starts the data (one part, or two for codes like `bc:y`) and the parts after it. */
export function specFor(data: string | undefined): { spec: Specs[ActionKind]; rest: string[] } | null {
  const split = data === undefined ? null : splitCallbackData(data);
  if (!split) return null;
  for (const length of [1, 2]) {
    const spec = BY_CODE.get(split.parts.slice(0, length).join(':'));
    if (spec && spec.arity === split.parts.length - length) return { spec, rest: split.parts.slice(length) };
  }
  return null;
}

/** The callback data for an action; a value that would not fit Telegram's 64 bytes is a bug, said loudly. */
export function encodeAction<K extends ActionKind>(action: { k: K } & Payloads[K]): string {
  const data = TYPED[action.k].encode(action);
  if (!fitsCallbackData(data)) throw new RangeError(`callback data "${data}" is longer than ${MAX_CALLBACK_DATA_BYTES} bytes`);
  return data;
}

/** Parses callback data back into an action; anything stale, forged or malformed gives null. */
export function decodeAction(data: string | undefined): Action | null {
  const found = specFor(data);
  return found ? found.spec.decode(found.rest) : null;
}

/** A job name that fits in a "run now" button (job names come from configuration, not from us). */
export const jobButtonFits = (name: string): boolean => decodeAction(`jr:${name}`) !== null;
