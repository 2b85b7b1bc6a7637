import { EntityManager } from 'typeorm';
import { ProductListQuery, ProductPage, TOTAL_CAP } from '../../../../domain/catalog';
import { ProductEntity } from '../product-entity';
import { productFromRow } from '../product-mapping';

// The listing without a text: each (visible, listed[, category], sort key, id) order is one of the products table's indexes
// (migrations Categories, SellerShelves), so a page is an index range read in order and the count stops at the cap.

const ORDER_BY = {
  relevance: [['p.id', 'ASC']],
  new: [['p.id', 'DESC']],
  price: [
    ['p.price_amount', 'ASC'],
    ['p.id', 'ASC'],
  ],
  '-price': [
    ['p.price_amount', 'DESC'],
    ['p.id', 'DESC'],
  ],
} as const;

export async function listProducts(manager: EntityManager, query: ProductListQuery): Promise<ProductPage> {
  const filtered = () => {
    const qb = manager.createQueryBuilder(ProductEntity, 'p');
    // A closed shop's products are not on the shelf: `listed` sits next to `visible` in every listing index.
    if (!query.includeHidden) qb.andWhere('p.visible = :visible AND p.listed = :listed', { visible: true, listed: true });
    if (query.categoryIds !== null) qb.andWhere('p.category_id IN (:...categoryIds)', { categoryIds: query.categoryIds });
    // (seller_id, visible, listed, id) serves a shop's shelf in the shop's own order.
    if (query.sellerId != null) qb.andWhere('p.seller_id = :sellerId', { sellerId: query.sellerId });
    return qb;
  };
  const page = filtered();
  ORDER_BY[query.sort].forEach(([column, direction], i) => (i === 0 ? page.orderBy(column, direction) : page.addOrderBy(column, direction)));
  const rows = await page
    .offset((query.page - 1) * query.pageSize)
    .limit(query.pageSize)
    .getMany();
  // A short page that is not past the end already says how many there are: no count (as getManyAndCount does).
  const offset = (query.page - 1) * query.pageSize;
  const total = rows.length < query.pageSize && (offset === 0 || rows.length > 0) ? offset + rows.length : await cappedCount(manager, filtered());
  return { items: rows.map(productFromRow), total: Math.min(total, TOTAL_CAP), totalCapped: total > TOTAL_CAP };
}

async function cappedCount(manager: EntityManager, qb: ReturnType<EntityManager['createQueryBuilder']>): Promise<number> {
  const [sql, params] = qb
    .select('p.id')
    .limit(TOTAL_CAP + 1)
    .getQueryAndParameters();
  const counted: Array<{ n: number | string }> = await manager.query(`SELECT COUNT(*) AS n FROM (${sql}) listed`, params);
  return Number(counted[0]?.n ?? 0);
}
