import { EntityManager, In } from 'typeorm';
import { HOUSE_SELLER_ID, Product, ProductDraft, ProductPatch, ProductRepository } from '../../../domain/catalog';
import { affectedRows } from '../affected-rows';
import { toMs } from '../columns';
import { Dialect } from '../dialect';
import { ProductEntity, ProductRow } from './product-entity';
import { productColumnsFromPatch, productFromRow, productRowFromDraft } from './product-mapping';
import { isDuplicateOf } from '../store-errors';
import { UNIQUE_KEYS } from '../unique-keys';

/** Rows per multi-row INSERT: 17 columns × 1000 stays under both engines' placeholder limits (SQLite: 32766). */
const INSERT_CHUNK = 1000;

const INSERT_COLUMNS = [
  'seller_id',
  'sku',
  'title',
  'description',
  'kind',
  'price_amount',
  'currency',
  'stock',
  'visible',
  'listed',
  'credit_amount',
  'webhook_url',
  'stars_price',
  'photo_url',
  'category_id',
  'created_at',
  'updated_at',
] as const satisfies ReadonlyArray<keyof Omit<ProductRow, 'id'>>;
const ROW_PLACEHOLDERS = `(${INSERT_COLUMNS.map(() => '?').join(', ')})`;

function assertQuantity(quantity: number): void {
  if (!Number.isSafeInteger(quantity) || quantity <= 0) throw new RangeError(`quantity must be a positive integer, got ${quantity}`);
}

export class TypeormProductRepository implements ProductRepository {
  constructor(
    private readonly manager: EntityManager,
    private readonly dialect: Dialect,
  ) {}

  async findById(id: number): Promise<Product | null> {
    const row = await this.manager.findOneBy(ProductEntity, { id });
    return row ? productFromRow(row) : null;
  }

  async findBySku(sku: string, sellerId: number = HOUSE_SELLER_ID): Promise<Product | null> {
    const row = await this.manager.findOneBy(ProductEntity, { seller_id: sellerId, sku });
    return row ? productFromRow(row) : null;
  }

  async findManyByIds(ids: number[]): Promise<Product[]> {
    if (ids.length === 0) return [];
    const rows = await this.manager.find(ProductEntity, { where: { id: In([...new Set(ids)]) }, order: { id: 'ASC' } });
    return rows.map(productFromRow);
  }

  async findManyBySkus(skus: string[], sellerId: number = HOUSE_SELLER_ID): Promise<Product[]> {
    if (skus.length === 0) return [];
    const rows = await this.manager.find(ProductEntity, { where: { seller_id: sellerId, sku: In([...new Set(skus)]) } });
    return rows.map(productFromRow);
  }

  async insertMany(drafts: ProductDraft[], now: Date): Promise<Product[]> {
    const inserted: Product[] = [];
    for (let start = 0; start < drafts.length; start += INSERT_CHUNK) {
      const rows = drafts.slice(start, start + INSERT_CHUNK).map((draft) => productRowFromDraft(draft, now));
      // One raw multi-row INSERT (the query builder cost more CPU than the statement itself in a large import). Both
      // engines number one statement's rows consecutively (MySQL: from LAST_INSERT_ID(), InnoDB's auto-increment lock
      // mode 1 or 2 for a multi-row INSERT of known size; SQLite: up to last_insert_rowid()), so nothing is read back.
      const result: unknown = await this.manager.query(
        `INSERT INTO products (${INSERT_COLUMNS.join(', ')}) VALUES ${rows.map(() => ROW_PLACEHOLDERS).join(', ')}`,
        rows.flatMap((row) => INSERT_COLUMNS.map((column) => (column === 'visible' || column === 'listed' ? (row[column] ? 1 : 0) : row[column]))),
      );
      const first = this.dialect === 'mysql' ? Number((result as { insertId: number | string }).insertId) : Number(result) - rows.length + 1;
      if (!Number.isSafeInteger(first) || first <= 0) throw new Error(`no id came back for products from ${rows[0]?.sku}`);
      rows.forEach((row, i) => inserted.push(productFromRow({ ...row, id: first + i })));
    }
    return inserted;
  }

  async listAfter(afterId: number, limit: number, opts: { lock?: boolean } = {}): Promise<Product[]> {
    const qb = this.manager.createQueryBuilder(ProductEntity, 'p').where('p.id > :afterId', { afterId }).orderBy('p.id', 'ASC').limit(limit);
    // FOR UPDATE, not FOR SHARE: MariaDB 10.11 has only the older LOCK IN SHARE MODE spelling, and plain reads are
    // not blocked either way. SQLite runs one transaction at a time, which is the lock there.
    if (opts.lock && this.dialect === 'mysql') qb.setLock('pessimistic_write');
    return (await qb.getMany()).map(productFromRow);
  }

  async insert(draft: ProductDraft, now: Date): Promise<Product | 'DUPLICATE_SKU'> {
    try {
      const result = await this.manager.createQueryBuilder().insert().into(ProductEntity).values(productRowFromDraft(draft, now)).execute();
      const id = Number(result.identifiers[0]?.id);
      const inserted = await this.findById(id);
      if (!inserted) throw new Error(`product ${id} vanished right after its insert`);
      return inserted;
    } catch (error) {
      if (isDuplicateOf(error, UNIQUE_KEYS.productSku)) return 'DUPLICATE_SKU';
      throw error;
    }
  }

  async update(id: number, patch: ProductPatch, now: Date): Promise<Product | null | 'DUPLICATE_SKU'> {
    const columns: Partial<ProductRow> = { ...productColumnsFromPatch(patch), updated_at: toMs(now) };
    try {
      const result = await this.manager.createQueryBuilder().update(ProductEntity).set(columns).where('id = :id', { id }).execute();
      if (affectedRows(result) === 0) return null;
    } catch (error) {
      if (isDuplicateOf(error, UNIQUE_KEYS.productSku)) return 'DUPLICATE_SKU';
      throw error;
    }
    return this.findById(id);
  }

  async reserveStock(id: number, quantity: number): Promise<boolean> {
    assertQuantity(quantity);
    // One statement for both policies: NULL - q stays NULL (unlimited), and the matched row is write-locked either way.
    const result = await this.manager
      .createQueryBuilder()
      .update(ProductEntity)
      .set({ stock: () => 'stock - :quantity' })
      .where('id = :id AND (stock IS NULL OR stock >= :quantity)', { id, quantity })
      .execute();
    return affectedRows(result) === 1;
  }

  async releaseStock(id: number, quantity: number): Promise<void> {
    assertQuantity(quantity);
    await this.manager
      .createQueryBuilder()
      .update(ProductEntity)
      .set({ stock: () => 'stock + :quantity' })
      .where('id = :id AND stock IS NOT NULL', { id, quantity })
      .execute();
  }

  async setSellerListed(sellerId: number, listed: boolean, now: Date): Promise<number> {
    // (seller_id, visible, id) finds the shop's rows; only those that change are written (and counted).
    const result = await this.manager
      .createQueryBuilder()
      .update(ProductEntity)
      .set({ listed, updated_at: toMs(now) })
      .where('seller_id = :sellerId AND listed = :from', { sellerId, from: !listed })
      .execute();
    return affectedRows(result);
  }

  async setStock(id: number, stock: number | null, now: Date): Promise<boolean> {
    if (stock !== null && (!Number.isSafeInteger(stock) || stock < 0)) throw new RangeError(`stock must be a non-negative integer or null, got ${stock}`);
    const result = await this.manager
      .createQueryBuilder()
      .update(ProductEntity)
      .set({ stock, updated_at: toMs(now) })
      .where('id = :id', { id })
      .execute();
    return affectedRows(result) === 1;
  }
}
