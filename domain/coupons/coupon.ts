import { Minor } from '../shared/money';

export const COUPON_KINDS = ['fixed', 'percent'] as const;
/** `fixed`: `value` minor units off (in `currency`); `percent`: `value` basis points off (1000 = 10 %). */
export type CouponKind = (typeof COUPON_KINDS)[number];

export const COUPON_SCOPES = ['all', 'products', 'categories'] as const;
/** Which of the coupon's seller's goods it discounts: all of them, the listed products, or the listed categories and every category below them. */
export type CouponScopeKind = (typeof COUPON_SCOPES)[number];

export interface CouponScope {
  kind: CouponScopeKind;
  /** Product ids or category ids; empty for `all`. */
  ids: number[];
}

export interface CouponTerms {
  code: string;
  kind: CouponKind;
  value: number;
  /** The shop's currency: a fixed amount and the minimum total are in it (Telegram Stars orders take no coupons). */
  currency: string;
  /** The coupon's seller's goods in the purchase must come to at least this (before the discount, delivery apart). */
  minTotal: Minor;
  /** Whose goods it discounts, and so who bears it (their order's total is what is paid and what they are credited). */
  sellerId: number;
  scope: CouponScope;
  startsAt: Date | null;
  endsAt: Date | null;
  /** Purchases that may hold it at once or have paid with it; null: no limit. */
  totalLimit: number | null;
  perShopperLimit: number | null;
  /** Only for a shopper without any order paid or awaiting payment. */
  firstOrderOnly: boolean;
  active: boolean;
}

export interface Coupon extends CouponTerms {
  id: number;
  /** Purchases counting against the total limit now (closed unpaid ones gave theirs back). */
  used: number;
  createdAt: Date;
  updatedAt: Date;
}

export const REDEMPTION_STATUSES = ['used', 'released'] as const;
/** `used`: the purchase counts against the limits (unpaid or paid); `released`: it closed unpaid and gave the use back. */
export type RedemptionStatus = (typeof REDEMPTION_STATUSES)[number];

export const COUPON_CODE_PATTERN = /^[A-Z0-9][A-Z0-9_-]{2,31}$/;

/** Codes compare case-insensitively: they are kept and looked up upper-case. */
export const normaliseCouponCode = (code: string): string => code.trim().toUpperCase();

/** 100 % in basis points. */
export const FULL_PERCENT_BP = 10_000;
