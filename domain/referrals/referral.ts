import { Minor } from '../shared/money';

export const REFERRAL_STATUSES = ['PENDING', 'REWARDED', 'VOID', 'CAPPED'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/**
 * A new shopper (the referee) linked to who invited them. PENDING until the referee's first delivered order has
 * outlived the grace period: then REWARDED (both credited, once), VOID (that order was refunded) or CAPPED (a cap
 * was reached: nothing paid).
 */
export interface Referral {
  refereeId: string;
  referrerId: string;
  status: ReferralStatus;
  /** The order that decided it. */
  orderNo: string | null;
  referrerCredit: Minor;
  refereeCredit: Minor;
  createdAt: Date;
  decidedAt: Date | null;
}

/** What the shop pays for a referral, and its limits (configuration; 0 credit on both sides turns the program off). */
export interface ReferralTerms {
  referrerCredit: Minor;
  refereeCredit: Minor;
  /** How long the first delivered order must stay unrefunded before anyone is paid. */
  graceMs: number;
  /** Rewarded referrals per referrer, at most. */
  maxPerReferrer: number;
  /** Credit paid for referrals in all, at most (0 = no cap). */
  maxTotal: Minor;
}

/** Both credits 0: invites earn nothing, so the shop neither links nor pays them. */
export const referralsOn = (terms: ReferralTerms): boolean => terms.referrerCredit > 0 || terms.refereeCredit > 0;

const CODE_PREFIX = 'ref_';

/** A shopper's invite code: their id in base 36 — public by nature (anyone may invite), and no table to keep. */
export const referralCodeOf = (userId: string): string => `${CODE_PREFIX}${BigInt(userId).toString(36)}`;

/** The inviter's id for a code, or null when it is not one. */
export function referrerOfCode(code: string): string | null {
  const match = /^ref_([0-9a-z]{1,13})$/.exec(code.trim().toLowerCase());
  if (!match?.[1]) return null;
  let id = 0n;
  for (const c of match[1]) id = id * 36n + BigInt(parseInt(c, 36));
  return id > 0n && id < 10n ** 20n ? id.toString() : null;
}
