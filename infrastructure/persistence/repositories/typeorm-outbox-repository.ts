import { EntityManager, In } from 'typeorm';
import { NewOutboxMessage, OutboxMessage, OutboxRepository } from '../../../domain/shared/outbox';
import { affectedRows } from '../affected-rows';
import { toMs } from '../columns';
import { OutboxEntity, OutboxRow } from '../entities/outbox-entity';
import { outboxMessageFromRow } from '../mapping/outbox-mapping';
import { isDuplicateOf } from '../store-errors';
import { UNIQUE_KEYS } from '../unique-keys';

/** Long stack traces are cut: the column is for a human glancing at a stuck message. */
const MAX_ERROR_LENGTH = 4000;

export class TypeormOutboxRepository implements OutboxRepository {
  constructor(private readonly manager: EntityManager) {}

  async add(message: NewOutboxMessage, now: Date): Promise<boolean> {
    const nowMs = toMs(now);
    const row: Omit<OutboxRow, 'id'> = {
      topic: message.topic,
      payload: JSON.stringify(message.payload),
      dedupe_key: message.dedupeKey,
      status: 'PENDING',
      attempts: 0,
      next_attempt_at: nowMs,
      locked_by: null,
      locked_until: null,
      last_error: null,
      created_at: nowMs,
      updated_at: nowMs,
    };
    try {
      await this.manager.createQueryBuilder().insert().into(OutboxEntity).values(row).updateEntity(false).execute();
      return true;
    } catch (error) {
      if (isDuplicateOf(error, UNIQUE_KEYS.outboxDedupe)) return false;
      throw error;
    }
  }

  async claimDue(owner: string, now: Date, leaseUntil: Date, limit: number): Promise<OutboxMessage[]> {
    const nowMs = toMs(now);
    const due = await this.manager
      .createQueryBuilder(OutboxEntity, 'o')
      .select('o.id')
      .where("o.status = 'PENDING' AND o.next_attempt_at <= :now AND (o.locked_until IS NULL OR o.locked_until <= :now)", { now: nowMs })
      .orderBy('o.next_attempt_at', 'ASC')
      .addOrderBy('o.id', 'ASC')
      .take(Math.max(1, limit))
      .getMany();
    const claimed: number[] = [];
    for (const { id } of due) {
      // Re-checks the lease in the UPDATE itself: a competing dispatcher that claimed first leaves us 0 rows.
      const result = await this.manager
        .createQueryBuilder()
        .update(OutboxEntity)
        .set({ locked_by: owner, locked_until: toMs(leaseUntil), updated_at: nowMs })
        .where("id = :id AND status = 'PENDING' AND (locked_until IS NULL OR locked_until <= :now)", { id, now: nowMs })
        .execute();
      if (affectedRows(result) === 1) claimed.push(id);
    }
    if (claimed.length === 0) return [];
    const rows = await this.manager.find(OutboxEntity, { where: { id: In(claimed) }, order: { next_attempt_at: 'ASC', id: 'ASC' } });
    return rows.map(outboxMessageFromRow);
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
