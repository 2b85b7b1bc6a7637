import { CheckoutLockoutRule } from '../shared/limits';
import { DomainError, Result, fail, ok } from '../shared/result';
import { UserRepository } from './shopper';

/**
 * Why a checkout counted as failed. Extensible: a new reason is one more word here (the column is a plain string).
 * ORDER_EXPIRED_UNPAID: an unpaid order ran out its pay window (its stock was held for nothing).
 * COUPON_REFUSED: a coupon was tried and refused (guessing codes).
 */
export const CHECKOUT_FAILURE_REASONS = ['ORDER_EXPIRED_UNPAID', 'COUPON_REFUSED'] as const;
export type CheckoutFailureReason = (typeof CHECKOUT_FAILURE_REASONS)[number];

export interface CheckoutFailure {
  reason: CheckoutFailureReason;
  /** What failed (an order or checkout number, a coupon code), when the caller said. */
  ref: string | null;
  at: Date;
}

/** A shopper's lockout as stored on their row. */
export interface CheckoutLockState {
  /** Checkout is refused until then (null or past: not locked). */
  lockedUntil: Date | null;
  /** Failures at or before this no longer count (the last lock used them up, or an admin lifted it). */
  countedAfter: Date | null;
}

/** The failures of checkouts per shopper, and the lock they lead to (kept on the shopper's row). */
export interface CheckoutLockRepository {
  /** One INSERT. */
  record(userId: string, reason: CheckoutFailureReason, ref: string | null, at: Date): Promise<void>;
  /**
   * One conditional UPDATE of the shopper's row: when at least `threshold` failures after both `since` and the row's
   * countedAfter are recorded, the shopper is locked until `until` and those failures are used up (countedAfter = now).
   * True when this call locked.
   */
  lockIfReached(userId: string, since: Date, threshold: number, until: Date, now: Date): Promise<boolean>;
  /** null: no such shopper. */
  state(userId: string): Promise<CheckoutLockState | null>;
  /** The shopper's failures after `since`, newest first. */
  failuresSince(userId: string, since: Date, limit: number): Promise<CheckoutFailure[]>;
  /** Ends the lock now and uses up the failures so far. False: no such shopper. */
  lift(userId: string, now: Date): Promise<boolean>;
  /** Deletes failures recorded before `before`, at most `limit`; how many went. */
  prune(before: Date, limit: number): Promise<number>;
}

export const lockoutOn = (rule: CheckoutLockoutRule): boolean => rule.failures > 0;

/** What noting a failure touches: the shopper's failures and lock. */
export interface CheckoutLockTx {
  checkoutLocks: CheckoutLockRepository;
}

/**
 * Notes a failed checkout in the caller's transaction — the expiry of an unpaid order, a refused coupon — and locks
 * the shopper out of checkout when it is the rule's Nth within the window. One INSERT, and one conditional UPDATE of
 * the shopper's row that counts in SQL (no read back); nothing at all when the rule is off.
 * True when this failure locked the shopper.
 */
export async function noteCheckoutFailure(
  tx: CheckoutLockTx,
  limits: { checkoutLockout: CheckoutLockoutRule },
  userId: string,
  reason: CheckoutFailureReason,
  now: Date,
  ref: string | null = null,
): Promise<boolean> {
  const rule = limits.checkoutLockout;
  if (!lockoutOn(rule)) return false;
  await tx.checkoutLocks.record(userId, reason, ref, now);
  return tx.checkoutLocks.lockIfReached(userId, new Date(now.getTime() - rule.windowMs), rule.failures, new Date(now.getTime() + rule.lockMs), now);
}

export type CheckoutLockedError = DomainError<'CHECKOUT_LOCKED'>;

/** Until when a shopper's lock holds at `now`; null: not locked (never locked, run out, or lifted). */
export const lockedUntilAt = (state: CheckoutLockState | null, now: Date): Date | null =>
  state?.lockedUntil != null && state.lockedUntil.getTime() > now.getTime() ? state.lockedUntil : null;

/** The refusal of a locked shopper: until when, in seconds too (the API's Retry-After). */
export function checkoutLocked(lockedUntil: Date, now: Date): Result<never, CheckoutLockedError> {
  const retryAfterSeconds = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000));
  return fail('CHECKOUT_LOCKED', `too many failed checkouts lately: checkout is paused for you until ${lockedUntil.toISOString()}`, {
    lockedUntil: lockedUntil.toISOString(),
    retryAfterSeconds,
  });
}

/**
 * The start of every placement: takes the shopper's row lock (their placements run one at a time) unless they are
 * locked out of checkout. The lockout is a condition of that same UPDATE, so a placement pays no extra statement;
 * only a refused one reads the row to say until when.
 */
export async function lockShopperForPlacement(
  tx: CheckoutLockTx & { users: UserRepository },
  limits: { checkoutLockout: CheckoutLockoutRule },
  shopperId: string,
  now: Date,
): Promise<Result<void, CheckoutLockedError>> {
  const on = lockoutOn(limits.checkoutLockout);
  if (await tx.users.lockForOrdering(shopperId, now, on)) return ok(undefined);
  const state = on ? await tx.checkoutLocks.state(shopperId) : null;
  if (state === null) throw new Error(`shopper ${shopperId} is not registered`);
  const lockedUntil = lockedUntilAt(state, now);
  if (lockedUntil !== null) return checkoutLocked(lockedUntil, now);
  // Lifted between the two statements: take the row lock plainly.
  if (!(await tx.users.lockForOrdering(shopperId, now, false))) throw new Error(`shopper ${shopperId} is not registered`);
  return ok(undefined);
}

/**
 * The check of a plain read that leads to a checkout (a coupon's preview): refused while the shopper is locked out,
 * so nothing is tried meanwhile. A placement checks in its shopper-row lock instead (`lockShopperForPlacement`).
 */
export async function refuseWhileLockedOut(
  tx: CheckoutLockTx,
  limits: { checkoutLockout: CheckoutLockoutRule },
  shopperId: string,
  now: Date,
): Promise<Result<void, CheckoutLockedError>> {
  if (!lockoutOn(limits.checkoutLockout)) return ok(undefined);
  const lockedUntil = lockedUntilAt(await tx.checkoutLocks.state(shopperId), now);
  return lockedUntil === null ? ok(undefined) : checkoutLocked(lockedUntil, now);
}
