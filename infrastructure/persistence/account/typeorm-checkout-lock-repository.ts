import { EntityManager } from 'typeorm';
import { CHECKOUT_FAILURE_REASONS, CheckoutFailure, CheckoutFailureReason, CheckoutLockRepository, CheckoutLockState } from '../../../domain/account';
import { affectedRows } from '../affected-rows';
import { toMs } from '../columns';
import { CheckoutFailureEntity } from './checkout-failure-entity';
import { UserEntity } from './user-entity';

const REF_CHARS = 64;

function reasonOf(stored: string): CheckoutFailureReason {
  const reason = CHECKOUT_FAILURE_REASONS.find((r) => r === stored);
  if (reason === undefined) throw new Error(`unknown checkout failure reason ${stored}`);
  return reason;
}

const dateOrNull = (ms: number | null | undefined): Date | null => (ms === null || ms === undefined ? null : new Date(ms));

export class TypeormCheckoutLockRepository implements CheckoutLockRepository {
  constructor(private readonly manager: EntityManager) {}

  async record(userId: string, reason: CheckoutFailureReason, ref: string | null, at: Date): Promise<void> {
    await this.manager
      .createQueryBuilder()
      .insert()
      .into(CheckoutFailureEntity)
      .values({ user_id: userId, reason, ref: ref === null ? null : ref.slice(0, REF_CHARS), failed_at: toMs(at) })
      .updateEntity(false)
      .execute();
  }

  async lockIfReached(userId: string, since: Date, threshold: number, until: Date, now: Date): Promise<boolean> {
    // The count runs inside the UPDATE of the shopper's row (the same row the placement locks), so noting a failure
    // never reads anything back; the failures it counted are used up by moving counted_after to now.
    const result = await this.manager
      .createQueryBuilder()
      .update(UserEntity)
      .set({ checkout_locked_until: toMs(until), checkout_failures_counted_after: toMs(now) })
      .where('id = :id', { id: userId })
      .andWhere(
        `(SELECT COUNT(*) FROM checkout_failures f WHERE f.user_id = :id AND f.failed_at > :since
          AND (users.checkout_failures_counted_after IS NULL OR f.failed_at > users.checkout_failures_counted_after)) >= :threshold`,
        { since: toMs(since), threshold },
      )
      .execute();
    return affectedRows(result) === 1;
  }

  async state(userId: string): Promise<CheckoutLockState | null> {
    const row = await this.manager.findOne(UserEntity, {
      select: { id: true, checkout_locked_until: true, checkout_failures_counted_after: true },
      where: { id: userId },
    });
    if (!row) return null;
    return { lockedUntil: dateOrNull(row.checkout_locked_until), countedAfter: dateOrNull(row.checkout_failures_counted_after) };
  }

  async failuresSince(userId: string, since: Date, limit: number): Promise<CheckoutFailure[]> {
    const rows = await this.manager
      .createQueryBuilder(CheckoutFailureEntity, 'f')
      .where('f.user_id = :userId AND f.failed_at > :since', { userId, since: toMs(since) })
      .orderBy('f.failed_at', 'DESC')
      .addOrderBy('f.id', 'DESC')
      .limit(limit)
      .getMany();
    return rows.map((r) => ({ reason: reasonOf(r.reason), ref: r.ref, at: new Date(r.failed_at) }));
  }

  async lift(userId: string, now: Date): Promise<boolean> {
    const result = await this.manager
      .createQueryBuilder()
      .update(UserEntity)
      .set({ checkout_locked_until: null, checkout_failures_counted_after: toMs(now) })
      .where('id = :id', { id: userId })
      .execute();
    return affectedRows(result) === 1;
  }

  async prune(before: Date, limit: number): Promise<number> {
    // Oldest first, a batch at a time (MySQL takes no LIMIT in an IN subquery, but does in a derived table).
    const ids = await this.manager
      .createQueryBuilder(CheckoutFailureEntity, 'f')
      .select('f.id', 'id')
      .where('f.failed_at < :before', { before: toMs(before) })
      .orderBy('f.failed_at', 'ASC')
      .limit(limit)
      .getRawMany<{ id: number | string }>();
    if (ids.length === 0) return 0;
    const result = await this.manager
      .createQueryBuilder()
      .delete()
      .from(CheckoutFailureEntity)
      .whereInIds(ids.map((r) => Number(r.id)))
      .execute();
    return affectedRows(result);
  }
}
