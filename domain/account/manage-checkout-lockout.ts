import { DomainError, Result, fail, ok } from '../shared/result';
import { AccountDeps } from './account-deps';
import { CheckoutFailure, lockedUntilAt, lockoutOn } from './checkout-lockout';

/** What an admin sees of a shopper's lockout: whether and until when, and the failures that count or counted lately. */
export interface CheckoutLockout {
  userId: string;
  locked: boolean;
  lockedUntil: Date | null;
  /** The rule as configured (failures 0 = off). */
  rule: { failures: number; windowMinutes: number; lockMinutes: number };
  /** Failures within the window, newest first (those before a lock or a lift included: they are history). */
  recentFailures: CheckoutFailure[];
  /** How many of them still count towards the next lock. */
  counting: number;
}

export type LockoutError = DomainError<'SHOPPER_NOT_FOUND'>;

const MAX_LISTED = 50;

export async function getCheckoutLockout(deps: Pick<AccountDeps, 'uow' | 'clock' | 'limits'>, userId: string): Promise<Result<CheckoutLockout, LockoutError>> {
  const now = deps.clock.now();
  const rule = deps.limits.checkoutLockout;
  const since = new Date(now.getTime() - rule.windowMs);
  const read = await deps.uow.read(async (tx) => {
    const state = await tx.checkoutLocks.state(userId);
    return state ? { state, failures: await tx.checkoutLocks.failuresSince(userId, since, MAX_LISTED) } : null;
  });
  if (read === null) return fail('SHOPPER_NOT_FOUND', `no shopper ${userId}`);
  const { state, failures } = read;
  const lockedUntil = lockoutOn(rule) ? lockedUntilAt(state, now) : null;
  const countedAfter = state.countedAfter?.getTime() ?? -Infinity;
  return ok({
    userId,
    locked: lockedUntil !== null,
    lockedUntil,
    rule: { failures: rule.failures, windowMinutes: rule.windowMs / 60_000, lockMinutes: rule.lockMs / 60_000 },
    recentFailures: failures,
    counting: failures.filter((f) => f.at.getTime() > countedAfter).length,
  });
}

/** An admin ends a shopper's lockout now; the failures so far stop counting, so the next one does not lock again at once. */
export async function liftCheckoutLockout(deps: Pick<AccountDeps, 'uow' | 'clock' | 'limits'>, userId: string): Promise<Result<CheckoutLockout, LockoutError>> {
  const lifted = await deps.uow.run((tx) => tx.checkoutLocks.lift(userId, deps.clock.now()));
  if (!lifted) return fail('SHOPPER_NOT_FOUND', `no shopper ${userId}`);
  return getCheckoutLockout(deps, userId);
}

/**
 * Failures older than the rule can look back (and than a day, for the admins' view) count for nothing: deleted in
 * batches by the prune-checkout-failures job.
 */
export async function pruneCheckoutFailures(deps: Pick<AccountDeps, 'uow' | 'clock' | 'limits'>, batch: number): Promise<Record<string, number>> {
  const keepMs = Math.max(deps.limits.checkoutLockout.windowMs, 24 * 60 * 60_000);
  const before = new Date(deps.clock.now().getTime() - keepMs);
  const pruned = await deps.uow.run((tx) => tx.checkoutLocks.prune(before, batch));
  return { pruned };
}
