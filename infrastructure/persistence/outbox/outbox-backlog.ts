import { EntityManager } from 'typeorm';
import { toDate, toMs } from '../columns';
import { OutboxEntity } from './outbox-entity';

export interface OutboxBacklog {
  pending: number;
  dead: number;
  /** When the oldest PENDING message that is due now became due; null when none is due. */
  oldestDueAt: Date | null;
}

/**
 * One statement on the (status, next_attempt_at) index, over PENDING and DEAD rows only: the DONE rows, which grow
 * with every order, are never counted. Read at scrape time (the operator's lag gauge), never on a request.
 */
export async function readOutboxBacklog(manager: EntityManager, now: Date): Promise<OutboxBacklog> {
  const rows = await manager
    .createQueryBuilder(OutboxEntity, 'o')
    .select('o.status', 'status')
    .addSelect('COUNT(*)', 'count')
    .addSelect('MIN(CASE WHEN o.next_attempt_at <= :now THEN o.next_attempt_at END)', 'oldest_due')
    .where("o.status IN ('PENDING', 'DEAD')")
    .setParameter('now', toMs(now))
    .groupBy('o.status')
    .getRawMany<{ status: string; count: string | number; oldest_due: string | number | null }>();
  const backlog: OutboxBacklog = { pending: 0, dead: 0, oldestDueAt: null };
  for (const row of rows) {
    if (row.status === 'DEAD') backlog.dead = Number(row.count);
    if (row.status !== 'PENDING') continue;
    backlog.pending = Number(row.count);
    if (row.oldest_due !== null) backlog.oldestDueAt = toDate(Number(row.oldest_due));
  }
  return backlog;
}
