import { EntityManager } from 'typeorm';
import { CartLine, CartRepository } from '../../../domain/ordering';
import { affectedRows } from '../affected-rows';
import { toMs } from '../columns';
import { CartItemEntity } from './cart-item-entity';
import { cartLineFromRow } from './cart-mapping';

export class TypeormCartRepository implements CartRepository {
  constructor(private readonly manager: EntityManager) {}

  async list(userId: string): Promise<CartLine[]> {
    const rows = await this.manager.find(CartItemEntity, { where: { user_id: userId }, order: { created_at: 'ASC', product_id: 'ASC' } });
    return rows.map(cartLineFromRow);
  }

  /** Quantity 0 leaves no line at all (the cart holds nothing of that product). */
  async setQuantity(userId: string, productId: number, quantity: number, now: Date): Promise<void> {
    if (!Number.isSafeInteger(quantity) || quantity < 0) throw new RangeError(`quantity must be a non-negative integer, got ${quantity}`);
    if (quantity === 0) {
      await this.remove(userId, productId);
      return;
    }
    const nowMs = toMs(now);
    await this.manager
      .createQueryBuilder()
      .insert()
      .into(CartItemEntity)
      .values({ user_id: userId, product_id: productId, quantity, created_at: nowMs, updated_at: nowMs })
      .orUpdate(['quantity', 'updated_at'], ['user_id', 'product_id'])
      .updateEntity(false)
      .execute();
  }

  async remove(userId: string, productId: number): Promise<boolean> {
    const result = await this.manager
      .createQueryBuilder()
      .delete()
      .from(CartItemEntity)
      .where('user_id = :userId AND product_id = :productId', { userId, productId })
      .execute();
    return affectedRows(result) > 0;
  }

  async clear(userId: string): Promise<number> {
    const result = await this.manager.createQueryBuilder().delete().from(CartItemEntity).where('user_id = :userId', { userId }).execute();
    return affectedRows(result);
  }
}
