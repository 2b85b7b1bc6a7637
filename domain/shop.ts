import { ShopperProfile } from './account/shopper';
import { adjustCredit, AdjustCredit, getAccount, getLedger } from './account/account-use-cases';
import { addCodes } from './catalog/add-codes';
import { browseProducts, BrowseProducts, getProduct } from './catalog/browse-products';
import { createProduct, setStock, updateProduct } from './catalog/manage-products';
import { ProductInput } from './catalog/product-draft';
import { clearCart, putInCart, removeFromCart, viewCart } from './ordering/cart-use-cases';
import { closeOrder } from './ordering/close-order';
import { deliverOrder, DeliverDeps, fulfilOrder } from './ordering/deliver-order';
import { getOrder, listMyOrders, listOrders } from './ordering/order-queries';
import { PaymentMethod } from './ordering/order-types';
import { placeOrder, PlaceOrder } from './ordering/place-order';

export interface ShopFacadeDeps extends DeliverDeps {
  enabledPaymentMethods: readonly PaymentMethod[];
}

/** Refresh a shopper's profile at most this often (every request carries it; few change it). */
const PROFILE_REFRESH_MS = 10 * 60_000;

/**
 * Every use case with its dependencies bound: the one object the doors (api/, bot/, jobs/) call.
 * It adds no rule of its own; the rules are in the use-case files it points at.
 */
export function createShop(deps: ShopFacadeDeps) {
  const profileSeen = new Map<string, { at: number; fingerprint: string }>();
  return {
    limits: deps.limits,
    enabledPaymentMethods: deps.enabledPaymentMethods,

    async identifyShopper(profile: ShopperProfile): Promise<void> {
      const fingerprint = JSON.stringify(profile);
      const now = deps.clock.now();
      const seen = profileSeen.get(profile.id);
      if (seen && seen.fingerprint === fingerprint && now.getTime() - seen.at < PROFILE_REFRESH_MS) return;
      await deps.uow.run((tx) => tx.users.upsert(profile, now));
      if (profileSeen.size > 50_000) profileSeen.clear();
      profileSeen.set(profile.id, { at: now.getTime(), fingerprint });
    },

    browseProducts: (query: BrowseProducts) => browseProducts(deps, query),
    getProduct: (id: number, opts?: { includeHidden?: boolean }) => getProduct(deps, id, opts),
    createProduct: (input: ProductInput) => createProduct(deps, input),
    updateProduct: (id: number, input: ProductInput) => updateProduct(deps, id, input),
    setStock: (id: number, stock: number | null) => setStock(deps, id, stock),
    addCodes: (productId: number, codes: unknown) => addCodes(deps, productId, codes),

    viewCart: (shopperId: string) => viewCart(deps, shopperId),
    addToCart: (shopperId: string, productId: unknown, quantity: unknown) => putInCart(deps, shopperId, productId, quantity, 'add'),
    setCartQuantity: (shopperId: string, productId: unknown, quantity: unknown) => putInCart(deps, shopperId, productId, quantity, 'set'),
    removeFromCart: (shopperId: string, productId: number) => removeFromCart(deps, shopperId, productId),
    clearCart: (shopperId: string) => clearCart(deps, shopperId),

    placeOrder: (cmd: PlaceOrder) => placeOrder(deps, { enabledMethods: deps.enabledPaymentMethods }, cmd),
    getOrder: (orderNo: string, viewer: string | null) => getOrder(deps, orderNo, viewer),
    listMyOrders: (shopperId: string) => listMyOrders(deps, shopperId),
    listOrders: (query: { status?: unknown; page?: unknown; pageSize?: unknown }) => listOrders(deps, query),
    closeOrder: (orderNo: string, reason: string, byShopper?: string) => closeOrder(deps, orderNo, reason, byShopper),
    deliverOrder: (orderNo: string) => deliverOrder(deps, orderNo),
    fulfilOrder: (orderNo: string, note: string | null) => fulfilOrder(deps, orderNo, note),

    getAccount: (userId: string) => getAccount(deps, userId),
    getLedger: (userId: string, limit?: number) => getLedger(deps, userId, limit),
    adjustCredit: (cmd: AdjustCredit) => adjustCredit(deps, cmd),
  };
}

export type Shop = ReturnType<typeof createShop>;
