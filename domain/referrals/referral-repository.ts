import { Minor } from '../shared/money';
import { Referral, ReferralStatus } from './referral';

/** A pending referral whose referee has a delivered order, with that first delivered order as it stands now. */
export interface ReferralCandidate {
  referral: Referral;
  orderNo: string;
  deliveredAt: Date;
  /** Refunded in part or whole, or a refund under way: the referral pays nothing. */
  refunded: boolean;
}

export interface ReferralRepository {
  /** 'EXISTS' when the referee is linked already (the primary key decides). */
  link(referral: { refereeId: string; referrerId: string; at: Date }): Promise<'LINKED' | 'EXISTS'>;
  find(refereeId: string): Promise<Referral | null>;
  /** Who invited this shopper, if anyone (walked upward to refuse a loop). */
  referrerOf(userId: string): Promise<string | null>;
  /** Whether the shopper has ever placed an order (a referral links new shoppers only). */
  hasOrders(userId: string): Promise<boolean>;
  /** PENDING referrals whose referee's first delivered order was delivered before `deliveredBefore`, oldest first. */
  due(deliveredBefore: Date, limit: number): Promise<ReferralCandidate[]>;
  /** PENDING → `status`, by a conditional update: false when someone decided it first. */
  decide(
    refereeId: string,
    decision: { status: Exclude<ReferralStatus, 'PENDING'>; orderNo: string; referrerCredit: Minor; refereeCredit: Minor; at: Date },
  ): Promise<boolean>;
  /** Rewarded referrals of this referrer, and the credit they earned. */
  statsOf(referrerId: string): Promise<{ invited: number; rewarded: number; earned: Minor }>;
  /** Credit paid for all referrals so far (both sides). */
  totalPaid(): Promise<Minor>;
}
