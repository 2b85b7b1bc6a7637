import { EntityManager } from 'typeorm';
import { NewPayment, PaymentRecord, PaymentRepository } from '../../../domain/payment/payment-record';
import { affectedRows } from '../affected-rows';
import { toMs } from '../columns';
import { PaymentEntity } from '../entities/payment-entity';
import { paymentFromRow, paymentRowFromNew } from '../mapping/payment-mapping';
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
        .where("out_trade_no = :outTradeNo AND status = 'PENDING'", { outTradeNo })
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

  async setCodeUrl(outTradeNo: string, codeUrl: string, expiresAt: Date): Promise<boolean> {
    const result = await this.manager
      .createQueryBuilder()
      .update(PaymentEntity)
      .set({ code_url: codeUrl, expires_at: toMs(expiresAt) })
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
}
