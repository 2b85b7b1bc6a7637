import { EntityManager, In } from 'typeorm';
import { CHECKOUT_STATUSES, CheckoutRepository, CheckoutState, PAYMENT_METHODS } from '../../../domain/ordering';
import { minor } from '../../../domain/shared/money';
import { affectedRows } from '../affected-rows';
import { oneOf, toDate, toDateOrNull, toMs, toMsOrNull } from '../columns';
import { isDuplicateOf } from '../store-errors';
import { UNIQUE_KEYS } from '../unique-keys';
import { CheckoutEntity, CheckoutRow } from './checkout-entity';

const fromRow = (row: CheckoutRow): CheckoutState => ({
  checkoutNo: row.checkout_no,
  userId: row.user_id,
  status: oneOf(CHECKOUT_STATUSES, row.status, 'checkouts.status'),
  currency: row.currency,
  totalAmount: minor(row.total_amount),
  paymentMethod: oneOf(PAYMENT_METHODS, row.payment_method, 'checkouts.payment_method'),
  idempotencyKey: row.idempotency_key,
  requestHash: row.request_hash,
  createdAt: toDate(row.created_at),
  expiresAt: toDate(row.expires_at),
  paidAt: toDateOrNull(row.paid_at),
  closedAt: toDateOrNull(row.closed_at),
});

const toRow = (c: CheckoutState): CheckoutRow => ({
  checkout_no: c.checkoutNo,
  user_id: c.userId,
  status: c.status,
  currency: c.currency,
  total_amount: c.totalAmount,
  payment_method: c.paymentMethod,
  idempotency_key: c.idempotencyKey,
  request_hash: c.requestHash,
  created_at: toMs(c.createdAt),
  expires_at: toMs(c.expiresAt),
  paid_at: toMsOrNull(c.paidAt),
  closed_at: toMsOrNull(c.closedAt),
});

export class TypeormCheckoutRepository implements CheckoutRepository {
  constructor(private readonly manager: EntityManager) {}

  async insert(checkout: CheckoutState): Promise<'INSERTED' | 'DUPLICATE_IDEMPOTENCY_KEY' | 'DUPLICATE_CHECKOUT_NO'> {
    try {
      await this.manager.createQueryBuilder().insert().into(CheckoutEntity).values(toRow(checkout)).updateEntity(false).execute();
      return 'INSERTED';
    } catch (error) {
      if (isDuplicateOf(error, UNIQUE_KEYS.checkoutIdempotency)) return 'DUPLICATE_IDEMPOTENCY_KEY';
      if (isDuplicateOf(error, UNIQUE_KEYS.checkoutNo)) return 'DUPLICATE_CHECKOUT_NO';
      throw error;
    }
  }

  async findByNo(checkoutNo: string): Promise<CheckoutState | null> {
    const row = await this.manager.findOneBy(CheckoutEntity, { checkout_no: checkoutNo });
    return row ? fromRow(row) : null;
  }

  async findByIdempotencyKey(userId: string, idempotencyKey: string): Promise<CheckoutState | null> {
    const row = await this.manager.findOneBy(CheckoutEntity, { user_id: userId, idempotency_key: idempotencyKey });
    return row ? fromRow(row) : null;
  }

  async markPaid(checkoutNo: string, at: Date): Promise<boolean> {
    const result = await this.manager
      .createQueryBuilder()
      .update(CheckoutEntity)
      .set({ status: 'PAID', paid_at: toMs(at) })
      .where({ checkout_no: checkoutNo, status: In(['OPEN', 'CLOSED']) })
      .execute();
    return affectedRows(result) === 1;
  }

  async markClosed(checkoutNo: string, at: Date): Promise<boolean> {
    const result = await this.manager
      .createQueryBuilder()
      .update(CheckoutEntity)
      .set({ status: 'CLOSED', closed_at: toMs(at) })
      .where({ checkout_no: checkoutNo, status: 'OPEN' })
      .execute();
    return affectedRows(result) === 1;
  }

  async listByUser(userId: string, limit: number, offset: number): Promise<{ items: CheckoutState[]; total: number }> {
    const [rows, total] = await this.manager.findAndCount(CheckoutEntity, {
      where: { user_id: userId },
      order: { created_at: 'DESC', checkout_no: 'DESC' },
      skip: Math.max(0, offset),
      take: Math.max(1, limit),
    });
    return { items: rows.map(fromRow), total };
  }
}
