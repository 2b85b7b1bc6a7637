import { EntityManager } from 'typeorm';
import { NewPayment, PaymentRecord, PaymentRepository } from '../../../domain/payment';
import { affectedRows } from '../affected-rows';
import { toMs } from '../columns';
import { PaymentEntity } from './payment-entity';
import { PaymentCheck, paymentCheckFromRow, paymentFromRow, paymentRowFromNew } from './payment-mapping';
import { isDuplicateOf } from '../store-errors';
import { UNIQUE_KEYS } from '../unique-keys';

export class TypeormPaymentRepository implements PaymentRepository {
  constructor(private readonly manager: EntityManager) {}

  async insert(payment: NewPayment): Promise<PaymentRecord | 'DUPLICATE'> {
    const row = paymentRowFromNew(payment);
    try {
      const result = await this.manager.createQueryBuilder().insert().into(PaymentEntity).values(row).execute();
      return paymentFromRow({ ...row, id: Number(result.identifiers[0]?.id) });
    } catch (error) {
      if (isDuplicateOf(error, UNIQUE_KEYS.paymentOutTradeNo) || isDuplicateOf(error, UNIQUE_KEYS.paymentTransaction)) return 'DUPLICATE';
      throw error;
    }
  }

  async findByOrder(orderNo: string): Promise<PaymentRecord[]> {
    const rows = await this.manager.find(PaymentEntity, { where: { order_no: orderNo }, order: { id: 'ASC' } });
    return rows.map(paymentFromRow);
  }

  async findByOutTradeNo(outTradeNo: string): Promise<PaymentRecord | null> {
    const row = await this.manager.findOneBy(PaymentEntity, { out_trade_no: outTradeNo });
    return row ? paymentFromRow(row) : null;
  }

  async markSucceeded(outTradeNo: string, transactionId: string, paidAt: Date): Promise<boolean> {
    try {
      const result = await this.manager
        .createQueryBuilder()
        .update(PaymentEntity)
        .set({ status: 'SUCCEEDED', transaction_id: transactionId, paid_at: toMs(paidAt) })
        // CLOSED too: money that arrives after we closed our side is still money, and late-payment handling needs it recorded.
        .where("out_trade_no = :outTradeNo AND status IN ('PENDING', 'CLOSED')", { outTradeNo })
        .execute();
      return affectedRows(result) === 1;
    } catch (error) {
      // The provider reported one transaction for two of our pay orders: never count it twice, and never hide it.
      if (isDuplicateOf(error, UNIQUE_KEYS.paymentTransaction)) {
        throw new Error(`transaction ${transactionId} is already recorded on another payment than ${outTradeNo}`, { cause: error });
      }
      throw error;
    }
  }

  async setCodeUrl(outTradeNo: string, codeUrl: string, expiresAt: Date, firstCheckAt?: Date): Promise<boolean> {
    const check = firstCheckAt ? { next_check_at: toMs(firstCheckAt), check_attempts: 0 } : {};
    const result = await this.manager
      .createQueryBuilder()
      .update(PaymentEntity)
      .set({ code_url: codeUrl, expires_at: toMs(expiresAt), ...check })
      .where("out_trade_no = :outTradeNo AND status = 'PENDING'", { outTradeNo })
      .execute();
    return affectedRows(result) === 1;
  }

  async markClosed(outTradeNo: string): Promise<boolean> {
    const result = await this.manager
      .createQueryBuilder()
      .update(PaymentEntity)
      .set({ status: 'CLOSED' })
      .where("out_trade_no = :outTradeNo AND status = 'PENDING'", { outTradeNo })
      .execute();
    return affectedRows(result) === 1;
  }

  async scheduleCheck(outTradeNo: string, nextCheckAt: Date, checkAttempts: number): Promise<boolean> {
    const result = await this.manager
      .createQueryBuilder()
      .update(PaymentEntity)
      .set({ next_check_at: toMs(nextCheckAt), check_attempts: checkAttempts })
      .where("out_trade_no = :outTradeNo AND status = 'PENDING'", { outTradeNo })
      .execute();
    return affectedRows(result) === 1;
  }

  /**
   * Keyset walk over (next_check_at, id), NULL (never checked) first. The cursor is only an id, so its place in that
   * order is read from the row itself: a bare `id > afterId` would skip every older row whose check falls later than
   * the cursor row's — the starvation of the seeds' repair job. When the caller has already rescheduled the cursor row
   * past `now`, the walk starts over: what it handled has left the due set, so nothing is read twice.
   */
  async findChecksDue(provider: string, now: Date, limit: number, afterId: number): Promise<PaymentCheck[]> {
    const nowMs = toMs(now);
    const qb = this.manager
      .createQueryBuilder(PaymentEntity, 'p')
      .where("p.provider = :provider AND p.status = 'PENDING' AND (p.next_check_at IS NULL OR p.next_check_at <= :now)", { provider, now: nowMs });
    const cursor = afterId > 0 ? await this.manager.findOne(PaymentEntity, { select: { id: true, next_check_at: true }, where: { id: afterId } }) : null;
    if (cursor && cursor.next_check_at === null) {
      qb.andWhere('((p.next_check_at IS NULL AND p.id > :afterId) OR p.next_check_at IS NOT NULL)', { afterId });
    } else if (cursor && cursor.next_check_at !== null && cursor.next_check_at <= nowMs) {
      qb.andWhere('(p.next_check_at > :cursorAt OR (p.next_check_at = :cursorAt AND p.id > :afterId))', { cursorAt: cursor.next_check_at, afterId });
    }
    const rows = await qb.orderBy('p.next_check_at', 'ASC').addOrderBy('p.id', 'ASC').take(Math.max(1, limit)).getMany();
    return rows.map(paymentCheckFromRow);
  }
}
