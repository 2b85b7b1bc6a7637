import { EntityManager, In } from 'typeorm';
import { RestockAlert, RestockAlertRepository } from '../../../domain/restock';
import { affectedRows } from '../affected-rows';
import { toMs } from '../columns';
import { isDuplicateOf } from '../store-errors';
import { UNIQUE_KEYS } from '../unique-keys';
import { RestockAlertEntity } from './restock-alert-entity';

export class TypeormRestockAlertRepository implements RestockAlertRepository {
  constructor(private readonly manager: EntityManager) {}

  async subscribe(productId: number, userId: string, now: Date): Promise<'WAITING' | 'ALREADY_WAITING'> {
    const ms = toMs(now);
    // A sent alert waits again in a new round (its notice's dedupe key carries the round): one UPDATE in the common case.
    const again = await this.manager
      .createQueryBuilder()
      .update(RestockAlertEntity)
      .set({ status: 'waiting', round: () => 'round + 1', updated_at: ms, sent_at: null })
      .where("product_id = :productId AND user_id = :userId AND status = 'sent'", { productId, userId })
      .execute();
    if (affectedRows(again) === 1) return 'WAITING';
    try {
      await this.manager
        .createQueryBuilder()
        .insert()
        .into(RestockAlertEntity)
        .values({ product_id: productId, user_id: userId, status: 'waiting', round: 1, created_at: ms, updated_at: ms, sent_at: null })
        .updateEntity(false)
        .execute();
      return 'WAITING';
    } catch (error) {
      if (isDuplicateOf(error, UNIQUE_KEYS.restockAlert)) return 'ALREADY_WAITING';
      throw error;
    }
  }

  async unsubscribe(productId: number, userId: string): Promise<boolean> {
    const result = await this.manager
      .createQueryBuilder()
      .delete()
      .from(RestockAlertEntity)
      .where("product_id = :productId AND user_id = :userId AND status = 'waiting'", { productId, userId })
      .execute();
    return affectedRows(result) === 1;
  }

  async isWaiting(productId: number, userId: string): Promise<boolean> {
    return (await this.manager.countBy(RestockAlertEntity, { product_id: productId, user_id: userId, status: 'waiting' })) > 0;
  }

  async waiting(productId: number, afterId: number, limit: number): Promise<RestockAlert[]> {
    const rows = await this.manager
      .createQueryBuilder(RestockAlertEntity, 'a')
      .where("a.product_id = :productId AND a.status = 'waiting' AND a.id > :afterId", { productId, afterId })
      .orderBy('a.id', 'ASC')
      .limit(limit)
      .getMany();
    return rows.map((r) => ({ id: Number(r.id), productId: Number(r.product_id), userId: r.user_id, round: Number(r.round) }));
  }

  async markSent(ids: readonly number[], now: Date): Promise<number> {
    if (ids.length === 0) return 0;
    const ms = toMs(now);
    const result = await this.manager
      .createQueryBuilder()
      .update(RestockAlertEntity)
      .set({ status: 'sent', sent_at: ms, updated_at: ms })
      .where({ id: In([...ids]), status: 'waiting' })
      .execute();
    return affectedRows(result);
  }
}
