import { CatalogRepositories } from './catalog-deps';

export type ShelfTx = Pick<CatalogRepositories, 'products' | 'search'>;

/**
 * Closes (or opens again) a shop's whole shelf, inside the caller's transaction (the sellers context suspends or
 * reinstates a seller with it): the products' `listed` flag in one UPDATE first — its row locks make a concurrent
 * product edit wait and then index with the new state, or finish first and be moved here — then the search terms.
 * Each product keeps its own `visible`, so a reinstated shop shows exactly what it showed before.
 */
export async function setSellerShelfListed(tx: ShelfTx, sellerId: number, listed: boolean, now: Date): Promise<number> {
  const changed = await tx.products.setSellerListed(sellerId, listed, now);
  if (changed > 0) await tx.search.setSellerListed(sellerId, listed);
  return changed;
}
