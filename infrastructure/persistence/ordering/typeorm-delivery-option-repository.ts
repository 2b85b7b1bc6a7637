import { EntityManager, In } from 'typeorm';
import { DeliveryOption, DeliveryOptionDraft, DeliveryOptionRepository } from '../../../domain/ordering';
import { minor } from '../../../domain/shared/money';
import { affectedRows } from '../affected-rows';
import { toDate, toMs } from '../columns';
import { DeliveryOptionEntity, DeliveryOptionRow } from './delivery-option-entity';

const fromRow = (row: DeliveryOptionRow): DeliveryOption => ({
  id: row.id,
  sellerId: row.seller_id,
  name: row.name,
  fee: minor(row.fee_amount),
  estimatedDays: row.estimated_days,
  active: Boolean(row.active),
  createdAt: toDate(row.created_at),
});

export class TypeormDeliveryOptionRepository implements DeliveryOptionRepository {
  constructor(private readonly manager: EntityManager) {}

  async insert(sellerId: number, draft: DeliveryOptionDraft, at: Date): Promise<DeliveryOption> {
    const row = { seller_id: sellerId, name: draft.name, fee_amount: draft.fee, estimated_days: draft.estimatedDays, active: true, created_at: toMs(at) };
    const result = await this.manager.createQueryBuilder().insert().into(DeliveryOptionEntity).values(row).execute();
    const id = Number(result.identifiers[0]?.id);
    return fromRow({ ...row, id });
  }

  async listActive(sellerId: number): Promise<DeliveryOption[]> {
    const rows = await this.manager.find(DeliveryOptionEntity, { where: { seller_id: sellerId, active: true }, order: { fee_amount: 'ASC', id: 'ASC' } });
    return rows.map(fromRow);
  }

  async findActiveByIds(ids: readonly number[]): Promise<DeliveryOption[]> {
    if (ids.length === 0) return [];
    const rows = await this.manager.find(DeliveryOptionEntity, { where: { id: In([...ids]), active: true } });
    return rows.map(fromRow);
  }

  async deactivate(sellerId: number, id: number): Promise<boolean> {
    const result = await this.manager
      .createQueryBuilder()
      .update(DeliveryOptionEntity)
      .set({ active: false })
      .where({ id, seller_id: sellerId, active: true })
      .execute();
    return affectedRows(result) === 1;
  }
}
