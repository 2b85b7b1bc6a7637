import { EntityManager } from 'typeorm';

// The term table is clustered by (visible, bucket, term, weight, product_id), bucket = product_id >> BUCKET_BITS
// (docs/search.md, "Buckets"). New products get growing ids, so an import writes into the newest bucket only: the
// tails its postings go to are that bucket's (~32k products' worth of pages, which fit MariaDB's buffer pool), not
// one per word over the whole catalog (several times the pool: every insert read a page back from disk). A search
// asks every bucket: one seek per bucket and word, merged in the statement.

/** 2^15 = 32,768 products a bucket: ~50 MB of index pages at ~26 terms a product, well inside a 128 MB pool. */
export const BUCKET_BITS = 15;
const BUCKET_SIZE = 2 ** BUCKET_BITS;

export const bucketOf = (productId: number): number => Math.floor(productId / BUCKET_SIZE);

/**
 * Every bucket a term can be in now: 0 up to the bucket of the highest product id. Asked per search (one seek at
 * the end of the products' primary key), so a product committed just before the search is in a bucket it asks.
 */
export async function bucketsNow(manager: EntityManager): Promise<number[]> {
  const rows: Array<{ id: number | string | null }> = await manager.query('SELECT MAX(id) AS id FROM products');
  const last = bucketOf(Number(rows[0]?.id ?? 0));
  return Array.from({ length: last + 1 }, (_, i) => i);
}

/** The buckets as an SQL list (integers computed here, not input). */
export const bucketList = (buckets: readonly number[]): string => buckets.join(', ');
