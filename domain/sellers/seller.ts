import { HOUSE_SELLER_ID } from '../catalog';
import { ShopLimits } from '../shared/limits';

export { HOUSE_SELLER_ID };

export const SELLER_STATUSES = ['pending', 'active', 'suspended', 'rejected'] as const;
export type SellerStatus = (typeof SELLER_STATUSES)[number];

/** A shop on the platform. The house (id 1) is the platform's own: active, auto-confirming, no commission. */
export interface Seller {
  id: number;
  /** The Telegram user who runs it (their chat gets its notices); null for the house and admin-made shops without one. */
  telegramUserId: string | null;
  shopName: string;
  contact: string;
  description: string;
  /** Where its notices go by mail too, when SMTP is configured. */
  email: string | null;
  status: SellerStatus;
  /** null = the platform default (`ShopLimits.sellerCommissionBps`). */
  commissionBps: number | null;
  /** null = the platform default (`ShopLimits.sellerConfirmWindowMinutes`, 24 h). */
  confirmWindowMinutes: number | null;
  /** Paid orders are confirmed at once, without waiting for the seller. */
  autoConfirm: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export type SellerDraft = Omit<Seller, 'id' | 'createdAt' | 'updatedAt'>;

/** The terms an admin sets on a seller; `undefined` leaves one as it is, null returns it to the platform default. */
export interface SellerTerms {
  commissionBps?: number | null;
  confirmWindowMinutes?: number | null;
  autoConfirm?: boolean;
}

export interface SellerProfile {
  shopName?: string;
  contact?: string;
  description?: string;
  email?: string | null;
}

/** 100 % in basis points. */
export const FULL_BPS = 10_000;

export const commissionBpsOf = (seller: Pick<Seller, 'commissionBps'>, limits: Pick<ShopLimits, 'sellerCommissionBps'>): number =>
  seller.commissionBps ?? limits.sellerCommissionBps;

export const confirmWindowMinutesOf = (seller: Pick<Seller, 'confirmWindowMinutes'>, limits: Pick<ShopLimits, 'sellerConfirmWindowMinutes'>): number =>
  seller.confirmWindowMinutes ?? limits.sellerConfirmWindowMinutes;

/** The platform's cut of a sale, rounded down (the seller never gets less than their exact share). Exact: gross ≤ 1e10, × 1e4 < 2^53. */
export const commissionOf = (grossMinor: number, bps: number): number => Math.floor((grossMinor * bps) / FULL_BPS);

/** Which status each admin decision moves a seller from, and to. The house is never moved. */
export const SELLER_DECISIONS = {
  approve: { from: ['pending', 'rejected'], to: 'active' },
  reject: { from: ['pending'], to: 'rejected' },
  suspend: { from: ['active'], to: 'suspended' },
  reinstate: { from: ['suspended'], to: 'active' },
} as const satisfies Record<string, { from: readonly SellerStatus[]; to: SellerStatus }>;
export type SellerDecision = keyof typeof SELLER_DECISIONS;
