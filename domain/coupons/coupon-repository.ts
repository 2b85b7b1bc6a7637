import { Minor } from '../shared/money';
import { Coupon, CouponTerms, RedemptionStatus } from './coupon';

export interface CouponRedemption {
  /** The order's number, or the checkout's for a checkout (one use per purchase). */
  purchaseNo: string;
  couponId: number;
  userId: string;
  discount: Minor;
  status: RedemptionStatus;
  createdAt: Date;
  releasedAt: Date | null;
}

/** What a coupon brought, for its report (money in the coupon's currency, minor units). */
export interface CouponUsage {
  /** Purchases that took it, released ones included. */
  redemptions: number;
  released: number;
  /** Of the purchases still holding it: paid ones (an order or a checkout whose payment came in). */
  paidOrders: number;
  /** Discount given on paid orders. */
  discountGiven: Minor;
  /** What the paid orders holding it came to (their totals, after the discount), and refunded of that. */
  revenue: Minor;
  refunded: Minor;
}

export interface CouponRepository {
  /** 'DUPLICATE_CODE' when the (upper-case) code is taken: the unique key decides. */
  insert(terms: CouponTerms, now: Date): Promise<Coupon | 'DUPLICATE_CODE'>;
  findByCode(code: string): Promise<Coupon | null>;
  list(query: { active: boolean | null; limit: number; offset: number }): Promise<{ items: Coupon[]; total: number }>;
  /** Writes the terms (not the counter); false when there is no such coupon. */
  update(id: number, terms: CouponTerms, now: Date): Promise<boolean>;
  /** The shopper's purchases that hold it now (`used`). */
  usesBy(couponId: number, userId: string): Promise<number>;
  /**
   * One conditional UPDATE: used + 1 while the coupon is active and under its total limit (false: it is not). The
   * coupon's row is hot, so a placement takes it last but for the stock.
   */
  claim(couponId: number): Promise<boolean>;
  insertRedemption(redemption: CouponRedemption): Promise<void>;
  /** used → released and the coupon's counter back down, in the caller's transaction; false when it held none. */
  release(purchaseNo: string, at: Date): Promise<boolean>;
  /** released → used and the counter up again, whatever the limit (money came in for the discounted price after all). */
  reclaim(purchaseNo: string): Promise<boolean>;
  usage(couponId: number): Promise<CouponUsage>;
}
