import { EntityManager, In } from 'typeorm';
import { CodePoolRepository, StoredCode } from '../../../domain/catalog';
import { affectedRows } from '../affected-rows';
import { toMs } from '../columns';
import { MAX_CODE_LENGTH, ProductCodeEntity, ProductCodeRow } from './product-code-entity';
import { storedCodeFromRow } from './product-code-mapping';
import { isDuplicateOf } from '../store-errors';
import { UNIQUE_KEYS } from '../unique-keys';

/** Rows per multi-row INSERT: well below both engines' placeholder limits (SQLite: 32766). */
const INSERT_CHUNK = 200;

export class TypeormCodePoolRepository implements CodePoolRepository {
  constructor(private readonly manager: EntityManager) {}

  async add(productId: number, codes: string[], now: Date): Promise<{ added: number; duplicates: number }> {
    for (const code of codes) {
      if (code.length === 0 || code.length > MAX_CODE_LENGTH) throw new RangeError(`a code must have 1 to ${MAX_CODE_LENGTH} characters`);
    }
    const unique = [...new Set(codes)];
    let added = 0;
    for (let start = 0; start < unique.length; start += INSERT_CHUNK) {
      added += await this.addChunk(productId, unique.slice(start, start + INSERT_CHUNK), toMs(now));
    }
    return { added, duplicates: codes.length - added };
  }

  private async addChunk(productId: number, chunk: string[], nowMs: number): Promise<number> {
    const existing = await this.manager.find(ProductCodeEntity, { select: { code: true }, where: { product_id: productId, code: In(chunk) } });
    const known = new Set(existing.map((row) => row.code));
    const fresh = chunk.filter((code) => !known.has(code));
    if (fresh.length === 0) return 0;
    try {
      await this.insertCodes(productId, fresh, nowMs);
      return fresh.length;
    } catch (error) {
      if (!isDuplicateOf(error, UNIQUE_KEYS.productCode)) throw error;
    }
    // A concurrent upload added some of them between our read and insert: fall back to one row at a time.
    let added = 0;
    for (const code of fresh) {
      try {
        await this.insertCodes(productId, [code], nowMs);
        added += 1;
      } catch (error) {
        if (!isDuplicateOf(error, UNIQUE_KEYS.productCode)) throw error;
      }
    }
    return added;
  }

  private async insertCodes(productId: number, codes: string[], nowMs: number): Promise<void> {
    const rows: Array<Omit<ProductCodeRow, 'id'>> = codes.map((code) => ({
      product_id: productId,
      code,
      status: 'AVAILABLE',
      order_no: null,
      created_at: nowMs,
      reserved_at: null,
      delivered_at: null,
    }));
    await this.manager.createQueryBuilder().insert().into(ProductCodeEntity).values(rows).updateEntity(false).execute();
  }

  async reserve(productId: number, orderNo: string, quantity: number, now: Date): Promise<number> {
    let bound = 0;
    // Candidates can be taken by a transaction that does not hold the product lock (a bug elsewhere, or an admin
    // tool); each claim is conditional, so re-read until the quantity is bound or the pool runs dry.
    while (bound < quantity) {
      const candidates = await this.manager.find(ProductCodeEntity, {
        select: { id: true },
        where: { product_id: productId, status: 'AVAILABLE' },
        order: { id: 'ASC' },
        take: quantity - bound,
      });
      if (candidates.length === 0) break;
      for (const candidate of candidates) {
        const result = await this.manager
          .createQueryBuilder()
          .update(ProductCodeEntity)
          .set({ status: 'RESERVED', order_no: orderNo, reserved_at: toMs(now) })
          .where("id = :id AND status = 'AVAILABLE'", { id: candidate.id })
          .execute();
        if (affectedRows(result) === 1) bound += 1;
      }
    }
    return bound;
  }

  async releaseForOrder(orderNo: string): Promise<Array<{ productId: number; count: number }>> {
    const reserved = await this.manager.find(ProductCodeEntity, { where: { order_no: orderNo, status: 'RESERVED' }, order: { id: 'ASC' } });
    const released = new Map<number, number>();
    for (const row of reserved) {
      const result = await this.manager
        .createQueryBuilder()
        .update(ProductCodeEntity)
        .set({ status: 'AVAILABLE', order_no: null, reserved_at: null })
        .where("id = :id AND status = 'RESERVED' AND order_no = :orderNo", { id: row.id, orderNo })
        .execute();
      if (affectedRows(result) === 1) released.set(row.product_id, (released.get(row.product_id) ?? 0) + 1);
    }
    return [...released].map(([productId, count]) => ({ productId, count }));
  }

  async markDeliveredForOrder(orderNo: string, now: Date): Promise<number> {
    const result = await this.manager
      .createQueryBuilder()
      .update(ProductCodeEntity)
      .set({ status: 'DELIVERED', delivered_at: toMs(now) })
      .where("order_no = :orderNo AND status = 'RESERVED'", { orderNo })
      .execute();
    return affectedRows(result);
  }

  async listForOrder(orderNo: string): Promise<StoredCode[]> {
    const rows = await this.manager.find(ProductCodeEntity, { where: { order_no: orderNo }, order: { id: 'ASC' } });
    return rows.map(storedCodeFromRow);
  }

  async listDeliveredForOrders(orderNos: readonly string[]): Promise<StoredCode[]> {
    if (orderNos.length === 0) return [];
    const rows = await this.manager.find(ProductCodeEntity, { where: { order_no: In([...orderNos]), status: 'DELIVERED' }, order: { id: 'ASC' } });
    return rows.map(storedCodeFromRow);
  }

  countAvailable(productId: number): Promise<number> {
    return this.manager.countBy(ProductCodeEntity, { product_id: productId, status: 'AVAILABLE' });
  }
}
