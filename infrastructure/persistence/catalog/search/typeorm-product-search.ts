import { EntityManager, In } from 'typeorm';
import { Product, ProductListQuery, ProductPage, ProductSearch, QueryToken, SearchDocument, TOTAL_CAP, WHOLE_WORD_FACTOR } from '../../../../domain/catalog';
import { ProductEntity } from '../product-entity';
import { productFromRow } from '../product-mapping';
import { Dialect } from '../../dialect';
import { listProducts } from './product-listing';
import { termInserts } from './term-rows';
import { SqlPart, placeholders, prefixUpperBound, tokenCondition, tokenScore } from './term-sql';
import { bucketList, bucketsNow } from './term-buckets';

const TABLE = 'product_search_terms';
/** A prefix that opens more distinct words than this is ranked in one grouped statement instead of word by word. */
const MAX_PREFIX_WORDS = 16;

/** Which part of the ranked matches a page shows, with the SKU hits (shown first) left out. */
interface Slice {
  exclude: number[];
  from: number;
  count: number;
}

interface Ranked {
  id: number;
  score: number;
}

/**
 * The n-gram index (see docs/search.md): `product_search_terms`, clustered by (visible, bucket, term, weight,
 * product_id) for finding (a seek per bucket, merged in the statement), unique key (product_id, term) for rewriting
 * one product. One adapter for MySQL/MariaDB and SQLite.
 */
export class TypeormProductSearch implements ProductSearch {
  constructor(
    private readonly manager: EntityManager,
    private readonly dialect: Dialect,
  ) {}

  async index(docs: readonly SearchDocument[], opts: { fresh?: boolean } = {}): Promise<void> {
    if (docs.length === 0) return;
    if (!opts.fresh)
      await this.manager.query(
        `DELETE FROM ${TABLE} WHERE product_id IN (${placeholders(docs.length)})`,
        docs.map((d) => d.productId),
      );
    for (const statement of termInserts(TABLE, docs, this.dialect)) await this.manager.query(statement.sql, statement.params);
  }

  async findUnindexed(afterId: number, window: number): Promise<{ id: number | null; end: boolean }> {
    const last: Array<{ id: number | string | null }> = await this.manager.query('SELECT MAX(id) AS id FROM products');
    const lastId = Number(last[0]?.id ?? 0);
    const upTo = afterId + window;
    // A seek into (product_id, term) per product of the window: bounded work per call, however large the catalog.
    const rows: Array<{ id: number | string }> = await this.manager.query(
      `SELECT p.id FROM products p WHERE p.id > ? AND p.id <= ? AND NOT EXISTS (SELECT 1 FROM ${TABLE} t WHERE t.product_id = p.id) ORDER BY p.id LIMIT 1`,
      [afterId, upTo],
    );
    return { id: rows[0] === undefined ? null : Number(rows[0].id), end: upTo >= lastId };
  }

  async setSellerListed(sellerId: number, listed: boolean): Promise<void> {
    // The products' flags were set just before, in this transaction: closing files every term of the shop's products
    // as hidden; opening brings back those of the products the seller shows. The seek is the products'
    // (seller_id, visible, …) index, then each product's (product_id, term) key.
    if (listed)
      await this.manager.query(
        `UPDATE ${TABLE} SET visible = 1 WHERE visible = 0 AND product_id IN (SELECT id FROM products WHERE seller_id = ? AND visible = 1 AND listed = 1)`,
        [sellerId],
      );
    else
      await this.manager.query(`UPDATE ${TABLE} SET visible = 0 WHERE visible = 1 AND product_id IN (SELECT id FROM products WHERE seller_id = ?)`, [sellerId]);
  }

  async find(query: ProductListQuery): Promise<ProductPage> {
    if (query.tokens.length === 0) return listProducts(this.manager, query);
    const offset = (query.page - 1) * query.pageSize;
    const buckets = await bucketsNow(this.manager);
    // The listing is the SKU hits, then the ranked matches without them; a page is a slice of that.
    const first = query.sort === 'relevance' && query.categoryIds === null && query.sellerId == null ? await this.skuHits(query, buckets) : [];
    const fromFirst = first.slice(offset, offset + query.pageSize);
    const slice: Slice = { exclude: first, from: Math.max(0, offset - first.length), count: query.pageSize - fromFirst.length };
    const words = await this.singleTokenWords(query, buckets);
    const { ranked, total } = words ? await this.rankByWord(query, words, slice, buckets) : await this.rankGrouped(query, slice, buckets);
    const ids = [...fromFirst, ...ranked.map((r) => r.id)];
    return { items: await this.productsInOrder(ids, query.includeHidden), total: Math.min(total, TOTAL_CAP), totalCapped: total > TOTAL_CAP };
  }

  /** An exact SKU match (any case) goes on top of the first page; it always matches the words too, so the total holds it. */
  private async skuHits(query: ProductListQuery, buckets: number[]): Promise<number[]> {
    if (query.skuTerm === null) return [];
    const rows: Array<{ product_id: number | string }> = await this.manager.query(
      `SELECT product_id FROM ${TABLE} WHERE visible IN (${query.includeHidden ? '0, 1' : '1'}) AND bucket IN (${bucketList(buckets)}) AND term = ? ORDER BY product_id LIMIT 5`,
      [query.skuTerm],
    );
    return rows.map((r) => Number(r.product_id));
  }

  /**
   * For one token over visible products in relevance order: the indexed words it matches (one for a Chinese bigram,
   * the words that start with the prefix otherwise), or null when the grouped statement has to do it.
   */
  private async singleTokenWords(query: ProductListQuery, buckets: number[]): Promise<string[] | null> {
    const [token] = query.tokens;
    if (query.tokens.length !== 1 || !token || query.categoryIds !== null || query.sellerId != null || query.sort !== 'relevance' || query.includeHidden)
      return null;
    if (token.kind === 'exact') return [token.term];
    return this.prefixWords(token.term, buckets);
  }

  /**
   * The words that start with the prefix, a statement per word: the next word of each bucket is a seek, the least of
   * them is the next word. Not a DISTINCT over every posting of a common word, nor MySQL's `GROUP BY visible, bucket,
   * term` (a loose index scan MariaDB did not choose for a common word at 100k products: it read all 59,000 postings).
   */
  private async prefixWords(prefix: string, buckets: number[]): Promise<string[] | null> {
    const words: string[] = [];
    let after: string | null = null;
    while (words.length <= MAX_PREFIX_WORDS) {
      const term = await this.nextWord(after === null ? { from: prefix } : { after }, prefixUpperBound(prefix), buckets);
      if (term === null) return words;
      words.push(term);
      after = term;
    }
    return null;
  }

  private async nextWord(start: { from: string } | { after: string }, upper: string, buckets: number[]): Promise<string | null> {
    const lower = 'from' in start ? `term >= ?` : `term > ?`;
    const bound = 'from' in start ? start.from : start.after;
    // MySQL/MariaDB: MIN per (visible, bucket) is a loose index scan (EXPLAIN: "Using index for group-by"), a seek per
    // bucket inside the engine: ~0.6 ms at 31 buckets, against ~1.3 ms for 31 scalar subqueries.
    // SQLite has no loose index scan; a scalar subquery per bucket (ORDER BY term LIMIT 1) is its seek.
    const rows: Array<{ term: string | null }> =
      this.dialect === 'mysql'
        ? await this.manager.query(
            `SELECT MIN(term) AS term FROM (SELECT MIN(term) AS term FROM ${TABLE} WHERE visible = 1 AND bucket IN (${bucketList(buckets)}) AND ${lower} AND term < ? GROUP BY visible, bucket) nexts`,
            [bound, upper],
          )
        : await this.manager.query(
            `SELECT MIN(term) AS term FROM (${buckets
              .map(
                (bucket) =>
                  `SELECT (SELECT term FROM ${TABLE} WHERE visible = 1 AND bucket = ${bucket} AND ${lower} AND term < ? ORDER BY term LIMIT 1) AS term`,
              )
              .join(' UNION ALL ')}) nexts`,
            buckets.flatMap(() => [bound, upper]),
          );
    // The least in the engine's own (byte) order, as the index compares.
    return rows[0]?.term ?? null;
  }

  /**
   * Each word's postings come out of the index already in weight order, so the best `need` of each are enough: a
   * product's score is its best word's, and any product in the true top `need` is in its best word's top `need`.
   */
  private async rankByWord(query: ProductListQuery, words: string[], slice: Slice, buckets: number[]): Promise<{ ranked: Ranked[]; total: number }> {
    if (words.length === 0) return { ranked: [], total: 0 };
    const [token] = query.tokens as [QueryToken];
    const need = slice.from + slice.count + slice.exclude.length;
    const best = new Map<number, number>();
    let complete = true;
    for (const word of words) {
      const factor = token.kind === 'exact' || word === token.term ? WHOLE_WORD_FACTOR : 1;
      // Each bucket's best `need` (a backward range read of its part of the index), the best `need` of those.
      const topOf = (bucket: number) =>
        `SELECT * FROM (SELECT product_id, weight FROM ${TABLE} WHERE visible = 1 AND bucket = ${bucket} AND term = ? ORDER BY weight DESC, product_id DESC LIMIT ${need}) b${bucket}`;
      const rows: Array<{ product_id: number | string; weight: number | string }> = await this.manager.query(
        `SELECT product_id, weight FROM (${buckets.map(topOf).join(' UNION ALL ')}) postings ORDER BY weight DESC, product_id DESC LIMIT ?`,
        [...buckets.map(() => word), need],
      );
      if (rows.length >= need) complete = false;
      for (const row of rows) {
        const id = Number(row.product_id);
        const score = Number(row.weight) * factor;
        if ((best.get(id) ?? 0) < score) best.set(id, score);
      }
    }
    const skip = new Set(slice.exclude);
    const ranked = [...best]
      .filter(([id]) => !skip.has(id))
      .map(([id, score]) => ({ id, score }))
      .sort((a, b) => b.score - a.score || b.id - a.id)
      .slice(slice.from, slice.from + slice.count);
    const counted =
      words.length === 1
        ? `SELECT product_id FROM ${TABLE} WHERE visible = 1 AND bucket IN (${bucketList(buckets)}) AND term = ? LIMIT ?`
        : `SELECT DISTINCT product_id FROM ${TABLE} WHERE visible = 1 AND bucket IN (${bucketList(buckets)}) AND term IN (${placeholders(words.length)}) LIMIT ?`;
    // Every word's postings read to the end: the matches are all here, and so is their number.
    return { ranked, total: complete ? best.size : await this.count(counted, [...words, TOTAL_CAP + 1]) };
  }

  /** Every token joined on the product (the (product_id, term) key makes each join a seek), grouped, ordered, paged. */
  private async rankGrouped(query: ProductListQuery, slice: Slice, buckets: number[]): Promise<{ ranked: Ranked[]; total: number }> {
    const joins: string[] = [];
    const joinParams: unknown[] = [];
    const scores: SqlPart[] = [];
    query.tokens.forEach((token, i) => {
      const alias = `t${i}`;
      scores.push(tokenScore(alias, token));
      if (i === 0) return;
      const on = tokenCondition(alias, token);
      joins.push(`JOIN ${TABLE} ${alias} ON ${alias}.product_id = t0.product_id AND ${on.sql}`);
      joinParams.push(...on.params);
    });
    const needsProduct = query.categoryIds !== null || query.sellerId != null || query.sort === 'price' || query.sort === '-price';
    if (needsProduct) joins.push('JOIN products p ON p.id = t0.product_id');
    const [firstToken] = query.tokens as [QueryToken];
    const where = tokenCondition('t0', firstToken);
    const filters = [`t0.visible IN (${query.includeHidden ? '0, 1' : '1'})`, `t0.bucket IN (${bucketList(buckets)})`, where.sql];
    const filterParams: unknown[] = [...where.params];
    if (query.categoryIds !== null) {
      filters.push(`p.category_id IN (${placeholders(query.categoryIds.length)})`);
      filterParams.push(...query.categoryIds);
    }
    if (query.sellerId != null) {
      filters.push('p.seller_id = ?');
      filterParams.push(query.sellerId);
    }
    if (slice.exclude.length > 0) {
      filters.push(`t0.product_id NOT IN (${placeholders(slice.exclude.length)})`);
      filterParams.push(...slice.exclude);
    }
    const from = `FROM ${TABLE} t0 ${joins.join(' ')} WHERE ${filters.join(' AND ')} GROUP BY t0.product_id`;
    const order = ORDER[query.sort];
    const select = `SELECT t0.product_id AS id, ${scores.map((s) => s.sql).join(' + ')} AS score${needsProduct ? ', MAX(p.price_amount) AS price' : ''}`;
    const rows: Array<{ id: number | string; score: number | string }> = await this.manager.query(`${select} ${from} ORDER BY ${order} LIMIT ? OFFSET ?`, [
      ...scores.flatMap((s) => s.params),
      ...joinParams,
      ...filterParams,
      slice.count,
      slice.from,
    ]);
    const short = rows.length < slice.count && (slice.from === 0 || rows.length > 0);
    const total = short ? slice.from + rows.length : await this.count(`SELECT t0.product_id ${from} LIMIT ?`, [...joinParams, ...filterParams, TOTAL_CAP + 1]);
    return { ranked: rows.map((r) => ({ id: Number(r.id), score: Number(r.score) })), total: total + slice.exclude.length };
  }

  private async count(inner: string, params: unknown[]): Promise<number> {
    const rows: Array<{ n: number | string }> = await this.manager.query(`SELECT COUNT(*) AS n FROM (${inner}) matched`, params);
    return Number(rows[0]?.n ?? 0);
  }

  /** The page's products, visibility checked again: a product hidden (or its shop closed) since the terms were read stays out. */
  private async productsInOrder(ids: number[], includeHidden: boolean): Promise<Product[]> {
    if (ids.length === 0) return [];
    const rows = await this.manager.find(ProductEntity, { where: includeHidden ? { id: In(ids) } : { id: In(ids), visible: true, listed: true } });
    const byId = new Map(rows.map((row) => [row.id, productFromRow(row)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }
}

const ORDER = {
  relevance: 'score DESC, id DESC',
  new: 'id DESC',
  price: 'price ASC, id ASC',
  '-price': 'price DESC, id DESC',
} as const;
