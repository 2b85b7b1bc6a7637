import { EntityManager, LessThan } from 'typeorm';
import { NewRefund, RefundRecord, RefundRepository } from '../../../domain/payment';
import { affectedRows } from '../affected-rows';
import { clip, toMs } from '../columns';
import { RefundEntity, RefundRow } from './refund-entity';
import { MAX_REFUND_ERROR_CHARS, refundFromRow, refundRowFromNew } from './refund-mapping';
import { isDuplicateOf } from '../store-errors';
import { UNIQUE_KEYS } from '../unique-keys';

export class TypeormRefundRepository implements RefundRepository {
  constructor(private readonly manager: EntityManager) {}

  async insert(refund: NewRefund): Promise<RefundRecord | 'DUPLICATE'> {
    const row = refundRowFromNew(refund);
    try {
      const result = await this.manager.createQueryBuilder().insert().into(RefundEntity).values(row).execute();
      const id = Number(result.identifiers[0]?.id);
      if (!Number.isSafeInteger(id)) throw new Error(`the database reported no id for refund ${refund.outRefundNo}`);
      return refundFromRow({ ...row, id });
    } catch (error) {
      if (isDuplicateOf(error, UNIQUE_KEYS.refundOutRefundNo)) return 'DUPLICATE';
      throw error;
    }
  }

  async findByOutRefundNo(outRefundNo: string): Promise<RefundRecord | null> {
    const row = await this.manager.findOneBy(RefundEntity, { out_refund_no: outRefundNo });
    return row ? refundFromRow(row) : null;
  }

  async findByOrder(orderNo: string): Promise<RefundRecord[]> {
    const rows = await this.manager.find(RefundEntity, { where: { order_no: orderNo }, order: { id: 'ASC' } });
    return rows.map(refundFromRow);
  }

  /** A null id keeps the one scheduleCheck remembered: a notification without it must not erase it. */
  async markSucceeded(outRefundNo: string, providerRefundId: string | null, at: Date): Promise<boolean> {
    const changes: Partial<RefundRow> = { status: 'SUCCEEDED', completed_at: toMs(at), next_check_at: null };
    if (providerRefundId !== null) changes.provider_refund_id = providerRefundId;
    return this.updateWhileProcessing(outRefundNo, changes);
  }

  async markFailed(outRefundNo: string, error: string, at: Date): Promise<boolean> {
    return this.updateWhileProcessing(outRefundNo, {
      status: 'FAILED',
      last_error: clip(error, MAX_REFUND_ERROR_CHARS),
      completed_at: toMs(at),
      next_check_at: null,
    });
  }

  /** `lastError` is written as given (null clears an earlier error); a null provider refund id keeps the known one. */
  async scheduleCheck(outRefundNo: string, providerRefundId: string | null, nextCheckAt: Date, lastError: string | null): Promise<boolean> {
    const changes: Partial<RefundRow> = { next_check_at: toMs(nextCheckAt), last_error: lastError === null ? null : clip(lastError, MAX_REFUND_ERROR_CHARS) };
    if (providerRefundId !== null) changes.provider_refund_id = providerRefundId;
    return this.updateWhileProcessing(outRefundNo, changes);
  }

  /**
   * A PROCESSING refund with no check scheduled (NULL) counts as due, first: money on its way back must never sit
   * unwatched because a step between insert and scheduleCheck was lost.
   */
  async listStuck(createdBefore: Date, limit: number, offset: number): Promise<{ items: RefundRecord[]; total: number }> {
    const [rows, total] = await this.manager.findAndCount(RefundEntity, {
      where: { status: 'PROCESSING', created_at: LessThan(toMs(createdBefore)) },
      order: { created_at: 'ASC', id: 'ASC' },
      skip: Math.max(0, offset),
      take: Math.max(1, limit),
    });
    return { items: rows.map(refundFromRow), total };
  }

  async findChecksDue(now: Date, limit: number): Promise<RefundRecord[]> {
    const rows = await this.manager
      .createQueryBuilder(RefundEntity, 'r')
      .where("r.status = 'PROCESSING' AND (r.next_check_at IS NULL OR r.next_check_at <= :now)", { now: toMs(now) })
      .orderBy('r.next_check_at', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .take(Math.max(1, limit))
      .getMany();
    return rows.map(refundFromRow);
  }

  /** `UPDATE refunds SET … WHERE out_refund_no = ? AND status = 'PROCESSING'`: the row count says who won. */
  private async updateWhileProcessing(outRefundNo: string, changes: Partial<RefundRow>): Promise<boolean> {
    const result = await this.manager
      .createQueryBuilder()
      .update(RefundEntity)
      .set(changes)
      .where("out_refund_no = :outRefundNo AND status = 'PROCESSING'", { outRefundNo })
      .execute();
    return affectedRows(result) === 1;
  }
}
