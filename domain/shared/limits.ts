/** Shop-wide limits; set from configuration at the composition root. */
export interface ShopLimits {
  currency: string;
  /** How long a QR order stays payable. */
  payWindowMs: number;
  /** A still-unpaid order is handed back for the same items only if it has at least this long to live. */
  reuseMinRemainingMs: number;
  maxUnpaidOrders: number;
  /** Units of one product one shopper may hold in unpaid orders. */
  maxReservedPerProduct: number;
  /** Units one shopper may hold in unpaid orders, all products together. */
  maxReservedUnits: number;
  /** How long units released by a shopper's unpaid order closing (cancelled, expired) still count against the caps. */
  cancelCooldownMs: number;
  maxLineQuantity: number;
  maxOrderLines: number;
  maxDeliveryAttempts: number;
  /** A shopper's "check payment" asks the provider about one order at most once per this long, cluster-wide. */
  paymentCheckIntervalMs: number;
  /** The repair job first asks the provider about an unpaid QR order this long after its QR was made; later checks back off from it. */
  paymentFirstCheckMs: number;
  /** The platform's commission on a seller's sale, in basis points (1000 = 10 %), unless the seller has their own. */
  sellerCommissionBps: number;
  /** How long a seller has to confirm a paid order, unless the seller has their own window. */
  sellerConfirmWindowMinutes: number;
  /** Abuse limit at checkout: this many failed checkouts within the window lock the shopper out of checkout for a while. */
  checkoutLockout: CheckoutLockoutRule;
}

/** `failures` failed checkouts (unpaid orders that expired, refused coupons, …) within `windowMs` ⇒ no checkout for `lockMs`; 0 failures = off. */
export interface CheckoutLockoutRule {
  failures: number;
  windowMs: number;
  lockMs: number;
}

export const DEFAULT_LIMITS: ShopLimits = {
  currency: 'CNY',
  payWindowMs: 15 * 60_000,
  reuseMinRemainingMs: 2 * 60_000,
  maxUnpaidOrders: 3,
  maxReservedPerProduct: 10,
  maxReservedUnits: 30,
  cancelCooldownMs: 5 * 60_000,
  maxLineQuantity: 99,
  maxOrderLines: 20,
  maxDeliveryAttempts: 8,
  paymentFirstCheckMs: 60_000,
  paymentCheckIntervalMs: 5_000,
  sellerCommissionBps: 1000,
  sellerConfirmWindowMinutes: 24 * 60,
  checkoutLockout: { failures: 5, windowMs: 60 * 60_000, lockMs: 30 * 60_000 },
};

/** Largest amount or credit we accept on input: 100 million yuan in fen; keeps sums far from 2^53. */
export const MAX_AMOUNT = 10_000_000_000;
