import { EntityManager } from 'typeorm';
import { PayoutStatus, SellerPayout, SellerPayoutRepository } from '../../../domain/sellers';
import { affectedRows } from '../affected-rows';
import { toMs, toMsOrNull } from '../columns';
import { SellerPayoutEntity } from './seller-entities';
import { payoutFromRow } from './seller-mapping';

export class TypeormSellerPayoutRepository implements SellerPayoutRepository {
  constructor(private readonly manager: EntityManager) {}

  async insert(payout: SellerPayout): Promise<void> {
    await this.manager
      .createQueryBuilder()
      .insert()
      .into(SellerPayoutEntity)
      .values({
        id: payout.id,
        seller_id: payout.sellerId,
        amount_minor: payout.amount,
        currency: payout.currency,
        status: payout.status,
        reference: payout.reference,
        requested_at: toMs(payout.requestedAt),
        settled_at: toMsOrNull(payout.settledAt),
      })
      .updateEntity(false)
      .execute();
  }

  async findById(id: string): Promise<SellerPayout | null> {
    const row = await this.manager.findOneBy(SellerPayoutEntity, { id });
    return row ? payoutFromRow(row) : null;
  }

  async settle(id: string, sellerId: number, to: 'paid' | 'cancelled', reference: string | null, now: Date): Promise<boolean> {
    const result = await this.manager
      .createQueryBuilder()
      .update(SellerPayoutEntity)
      .set({ status: to, reference, settled_at: toMs(now) })
      .where({ id, seller_id: sellerId, status: 'requested' })
      .execute();
    return affectedRows(result) === 1;
  }

  async list(query: { sellerId?: number; status?: PayoutStatus; offset: number; limit: number }): Promise<{ items: SellerPayout[]; total: number }> {
    const where = { ...(query.sellerId !== undefined ? { seller_id: query.sellerId } : {}), ...(query.status !== undefined ? { status: query.status } : {}) };
    const [rows, total] = await this.manager.findAndCount(SellerPayoutEntity, {
      where,
      order: { requested_at: 'DESC', id: 'ASC' },
      skip: query.offset,
      take: query.limit,
    });
    return { items: rows.map(payoutFromRow), total };
  }
}
