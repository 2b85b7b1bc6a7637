import { shopperIdentifier } from './account/identify-shopper';
import { adjustCredit, AdjustCredit, getAccount, getLedger } from './account/account-use-cases';
import { addCodes } from './catalog/add-codes';
import { browseProducts, BrowseProducts, getProduct } from './catalog/browse-products';
import { createProduct, setStock, updateProduct } from './catalog/manage-products';
import { ProductInput } from './catalog/product-draft';
import { clearCart, putInCart, removeFromCart, viewCart } from './ordering/cart-use-cases';
import { deliverOrder, DeliverDeps, fulfilOrder } from './ordering/deliver-order';
import { getOrder, listMyOrders, listOrders } from './ordering/order-queries';
import { PaymentMethod } from './ordering/order-types';
import { PlaceOrder } from './ordering/place-order';
import { checkout } from './ordering/checkout';
import { checkPayment } from './payment/check-payment';
import { cancelUnpaidOrder } from './payment/cancel-order';
import { executeRefund } from './payment/execute-refund';
import { NotificationOutcome, handlePaymentNotification } from './payment/handle-notification';
import { SingleFlight } from './shared/single-flight';
import { PaymentDeps } from './payment/payment-deps';
import { NotificationHeaders } from './payment/payment-provider';
import { closeExpiredOrders, repairDroppedPayments, retryPrepay, syncRefunds } from './payment/payment-repairs';
import { RefundCommand, refundOrder } from './payment/refund-order';
import { startQrPayment } from './payment/start-qr-payment';
import { retryDeliveries } from './ordering/retry-deliveries';
import { salesStats } from './reporting/sales-stats';
import { StartBroadcast, startBroadcast } from './messaging/broadcast';
import { orderStory } from './ordering/order-story';
import { chooseLanguage, preferredLanguage, shopperIds } from './account/shopper-preferences';

export interface ShopFacadeDeps extends DeliverDeps, PaymentDeps {
  enabledPaymentMethods: readonly PaymentMethod[];
}

/**
 * Every use case with its dependencies bound: the one object the doors (api/, bot/, jobs/) call.
 * It adds no rule of its own; the rules are in the use-case files it points at.
 */
export function createShop(deps: ShopFacadeDeps) {
  const notificationFlights = new SingleFlight<NotificationOutcome>();
  return {
    limits: deps.limits,
    enabledPaymentMethods: deps.enabledPaymentMethods,

    identifyShopper: shopperIdentifier(deps),

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

    checkout: (cmd: PlaceOrder) => checkout(deps, deps.enabledPaymentMethods, cmd),
    startQrPayment: (orderNo: string, shopperId?: string) => startQrPayment(deps, orderNo, shopperId),
    checkPayment: (orderNo: string, shopperId?: string) => checkPayment(deps, orderNo, shopperId),
    cancelOrder: (orderNo: string, reason: string, shopperId?: string) => cancelUnpaidOrder(deps, orderNo, reason, shopperId),
    handlePaymentNotification: (headers: NotificationHeaders, rawBody: Buffer) => handlePaymentNotification(deps, notificationFlights, headers, rawBody),
    refundOrder: (cmd: RefundCommand) => refundOrder(deps, cmd),
    executeRefund: (outRefundNo: string) => executeRefund(deps, outRefundNo),

    repairs: {
      repairDroppedPayments: (batch: number) => repairDroppedPayments(deps, batch),
      closeExpiredOrders: (batch: number) => closeExpiredOrders(deps, batch),
      retryPrepay: (batch: number) => retryPrepay(deps, batch),
      syncRefunds: (batch: number) => syncRefunds(deps, batch),
      retryDeliveries: async (batch: number): Promise<Record<string, number>> => ({ ...(await retryDeliveries(deps, batch)) }),
    },
    getOrder: (orderNo: string, viewer: string | null) => getOrder(deps, orderNo, viewer),
    listMyOrders: (shopperId: string) => listMyOrders(deps, shopperId),
    listOrders: (query: { status?: unknown; page?: unknown; pageSize?: unknown }) => listOrders(deps, query),
    deliverOrder: (orderNo: string) => deliverOrder(deps, orderNo),
    fulfilOrder: (orderNo: string, note: string | null) => fulfilOrder(deps, orderNo, note),

    salesStats: (utcOffsetMinutes: number) => salesStats(deps, utcOffsetMinutes),
    orderStory: (orderNo: string) => orderStory(deps, orderNo),
    chooseLanguage: (userId: string, language: string | null) => chooseLanguage(deps, userId, language),
    preferredLanguage: (userId: string) => preferredLanguage(deps, userId),
    shopperIds: (after: string | null, limit: number) => shopperIds(deps, after, limit),
    startBroadcast: (cmd: StartBroadcast) => startBroadcast(deps, cmd),

    getAccount: (userId: string) => getAccount(deps, userId),
    getLedger: (userId: string, limit?: number) => getLedger(deps, userId, limit),
    adjustCredit: (cmd: AdjustCredit) => adjustCredit(deps, cmd),
  };
}

export type Shop = ReturnType<typeof createShop>;
