import { EntityManager, In } from 'typeorm';
import { OutboxMessage, OutboxRepository } from '../../../domain/shared/outbox/outbox-repository';
import { OutboxEntry } from '../../../domain/shared/outbox/topic';
import { affectedRows } from '../affected-rows';
import { toMs } from '../columns';
import { OutboxEntity, OutboxRow } from './outbox-entity';
import { outboxMessageFromRow } from './outbox-mapping';
import { isDuplicateOf } from '../store-errors';
import { UNIQUE_KEYS } from '../unique-keys';

/** Long stack traces are cut: the column is for a human glancing at a stuck message. */
const MAX_ERROR_LENGTH = 4000;

const CLAIM_ROUNDS = 5;

/** Messages per INSERT statement: a whole broadcast page in a few statements, each well inside any packet limit. */
const ROWS_PER_INSERT = 100;

const outboxRow = (entry: OutboxEntry, nowMs: number): Omit<OutboxRow, 'id'> => ({
  topic: entry.topic,
  payload: JSON.stringify(entry.payload),
  dedupe_key: entry.dedupeKey,
  status: 'PENDING',
  attempts: 0,
  next_attempt_at: nowMs,
  locked_by: null,
  locked_until: null,
  last_error: null,
  created_at: nowMs,
  updated_at: nowMs,
});

export class TypeormOutboxRepository implements OutboxRepository {
  constructor(private readonly manager: EntityManager) {}

  async enqueue(entries: readonly OutboxEntry[], now: Date): Promise<number> {
    let added = 0;
    for (let start = 0; start < entries.length; start += ROWS_PER_INSERT) {
      const rows = entries.slice(start, start + ROWS_PER_INSERT).map((entry) => outboxRow(entry, toMs(now)));
      try {
        await this.insert(rows);
        added += rows.length;
      } catch (error) {
        if (!isDuplicateOf(error, UNIQUE_KEYS.outboxDedupe)) throw error;
        // Some of these were queued before (a retried broadcast, a repeated fact). The failed statement changed
        // nothing (statement-level rollback on both engines); insert one by one and skip the ones that exist.
        for (const row of rows) if (await this.insertUnlessDuplicate(row)) added += 1;
      }
    }
    return added;
  }

  private async insert(rows: Array<Omit<OutboxRow, 'id'>>): Promise<void> {
    await this.manager.createQueryBuilder().insert().into(OutboxEntity).values(rows).updateEntity(false).execute();
  }

  private async insertUnlessDuplicate(row: Omit<OutboxRow, 'id'>): Promise<boolean> {
    try {
      await this.insert([row]);
      return true;
    } catch (error) {
      if (isDuplicateOf(error, UNIQUE_KEYS.outboxDedupe)) return false;
      throw error;
    }
  }

  async claimDue(owner: string, now: Date, leaseUntil: Date, limit: number): Promise<OutboxMessage[]> {
    const nowMs = toMs(now);
    const claimed: number[] = [];
    // A competitor that claimed our candidates first has committed by the time our UPDATE got the row lock, so the
    // next read no longer offers them: a few rounds let a dispatcher that lost the first race still fill its batch.
    for (let round = 0; round < CLAIM_ROUNDS && claimed.length < limit; round += 1) {
      const due = await this.dueIds(nowMs, limit - claimed.length, claimed);
      if (due.length === 0) break;
      for (const id of due) if (await this.claimOne(id, owner, nowMs, toMs(leaseUntil))) claimed.push(id);
    }
    if (claimed.length === 0) return [];
    const rows = await this.manager.find(OutboxEntity, { where: { id: In(claimed) }, order: { next_attempt_at: 'ASC', id: 'ASC' } });
    return rows.map(outboxMessageFromRow);
  }

  private async dueIds(nowMs: number, count: number, exclude: number[]): Promise<number[]> {
    const qb = this.manager
      .createQueryBuilder(OutboxEntity, 'o')
      .select('o.id')
      .where("o.status = 'PENDING' AND o.next_attempt_at <= :now AND (o.locked_until IS NULL OR o.locked_until <= :now)", { now: nowMs });
    if (exclude.length > 0) qb.andWhere('o.id NOT IN (:...exclude)', { exclude });
    const rows = await qb.orderBy('o.next_attempt_at', 'ASC').addOrderBy('o.id', 'ASC').take(count).getMany();
    return rows.map((row) => row.id);
  }

  /** Re-checks the lease in the UPDATE itself: when a competing dispatcher claimed first, 0 rows change. */
  private async claimOne(id: number, owner: string, nowMs: number, leaseUntilMs: number): Promise<boolean> {
    const result = await this.manager
      .createQueryBuilder()
      .update(OutboxEntity)
      .set({ locked_by: owner, locked_until: leaseUntilMs, updated_at: nowMs })
      .where("id = :id AND status = 'PENDING' AND (locked_until IS NULL OR locked_until <= :now)", { id, now: nowMs })
      .execute();
    return affectedRows(result) === 1;
  }

  async complete(id: number, owner: string, now: Date): Promise<boolean> {
    const result = await this.manager
      .createQueryBuilder()
      .update(OutboxEntity)
      .set({ status: 'DONE', locked_by: null, locked_until: null, updated_at: toMs(now) })
      .where("id = :id AND status = 'PENDING' AND locked_by = :owner", { id, owner })
      .execute();
    return affectedRows(result) === 1;
  }

  async fail(id: number, owner: string, error: string, nextAttemptAt: Date, dead: boolean): Promise<boolean> {
    const result = await this.manager
      .createQueryBuilder()
      .update(OutboxEntity)
      .set({
        status: dead ? 'DEAD' : 'PENDING',
        attempts: () => 'attempts + 1',
        next_attempt_at: toMs(nextAttemptAt),
        last_error: error.slice(0, MAX_ERROR_LENGTH),
        locked_by: null,
        locked_until: null,
      })
      .where("id = :id AND status = 'PENDING' AND locked_by = :owner", { id, owner })
      .execute();
    return affectedRows(result) === 1;
  }

  async countByStatus(): Promise<Record<'PENDING' | 'DONE' | 'DEAD', number>> {
    const rows = await this.manager
      .createQueryBuilder(OutboxEntity, 'o')
      .select('o.status', 'status')
      .addSelect('COUNT(*)', 'count')
      .groupBy('o.status')
      .getRawMany<{ status: string; count: string | number }>();
    const counts = { PENDING: 0, DONE: 0, DEAD: 0 };
    for (const row of rows) if (row.status === 'PENDING' || row.status === 'DONE' || row.status === 'DEAD') counts[row.status] = Number(row.count);
    return counts;
  }
}
