import { EntityManager } from 'typeorm';
import { NewReview, Review, ReviewListQuery, ReviewRepository } from '../../../domain/reviews';
import { affectedRows } from '../affected-rows';
import { toDate, toMs } from '../columns';
import { isDuplicateOf } from '../store-errors';
import { UNIQUE_KEYS } from '../unique-keys';
import { ReviewEntity, ReviewRow } from './review-entity';

const fromRow = (row: ReviewRow): Review => ({
  id: Number(row.id),
  productId: Number(row.product_id),
  orderNo: row.order_no,
  lineNo: Number(row.line_no),
  userId: row.user_id,
  authorName: row.author_name,
  rating: Number(row.rating),
  text: row.text,
  hidden: Boolean(Number(row.hidden)),
  createdAt: toDate(Number(row.created_at)),
});

const COLUMNS = 'id, product_id, order_no, line_no, user_id, author_name, rating, text, hidden, created_at';

/** Reviews on (product_id, hidden, id): a card's average and newest are one range of that index. */
export class TypeormReviewRepository implements ReviewRepository {
  constructor(private readonly manager: EntityManager) {}

  async insert(review: NewReview): Promise<{ status: 'INSERTED'; review: Review } | { status: 'DUPLICATE' }> {
    try {
      const result = await this.manager
        .createQueryBuilder()
        .insert()
        .into(ReviewEntity)
        .values({
          product_id: review.productId,
          order_no: review.orderNo,
          line_no: review.lineNo,
          user_id: review.userId,
          author_name: review.authorName,
          rating: review.rating,
          text: review.text,
          hidden: false,
          created_at: toMs(review.createdAt),
        })
        .updateEntity(false)
        .execute();
      const id = Number((result.raw as { insertId?: number }).insertId ?? result.identifiers[0]?.id ?? (await this.lastId()));
      return { status: 'INSERTED', review: { ...review, id, hidden: false } };
    } catch (error) {
      if (isDuplicateOf(error, UNIQUE_KEYS.reviewOrderLine)) return { status: 'DUPLICATE' };
      throw error;
    }
  }

  private async lastId(): Promise<number> {
    const rows: Array<{ id: number | string }> = await this.manager.query('SELECT last_insert_rowid() AS id');
    return Number(rows[0]?.id);
  }

  async addText(id: number, userId: string, text: string): Promise<boolean> {
    const result = await this.manager
      .createQueryBuilder()
      .update(ReviewEntity)
      .set({ text })
      .where("id = :id AND user_id = :userId AND text = ''", { id, userId })
      .execute();
    return affectedRows(result) === 1;
  }

  async setHidden(id: number, hidden: boolean): Promise<boolean> {
    const result = await this.manager
      .createQueryBuilder()
      .update(ReviewEntity)
      .set({ hidden })
      .where('id = :id AND hidden = :was', { id, was: !hidden })
      .execute();
    return affectedRows(result) === 1;
  }

  async findById(id: number): Promise<Review | null> {
    const row = await this.manager.findOneBy(ReviewEntity, { id });
    return row ? fromRow(row) : null;
  }

  async productReviews(productId: number, recent: number): Promise<{ count: number; sum: number; recent: Review[] }> {
    // The totals ride on the newest rows (window functions run before LIMIT): one statement, one index range.
    const rows: Array<ReviewRow & { n: number | string; total: number | string }> = await this.manager.query(
      `SELECT ${COLUMNS}, COUNT(*) OVER () AS n, SUM(rating) OVER () AS total FROM product_reviews
        WHERE product_id = ? AND hidden = ? ORDER BY id DESC LIMIT ?`,
      [productId, false, Math.max(1, recent)],
    );
    const first = rows[0];
    return {
      count: first ? Number(first.n) : 0,
      sum: first ? Number(first.total) : 0,
      recent: rows.slice(0, recent).map(fromRow),
    };
  }

  async forOrder(orderNo: string): Promise<Review[]> {
    const rows = await this.manager.find(ReviewEntity, { where: { order_no: orderNo }, order: { line_no: 'ASC' } });
    return rows.map(fromRow);
  }

  async list(query: ReviewListQuery): Promise<{ items: Review[]; total: number }> {
    const where = { ...(query.hidden === null ? {} : { hidden: query.hidden }), ...(query.productId === null ? {} : { product_id: query.productId }) };
    const [rows, total] = await this.manager.findAndCount(ReviewEntity, { where, order: { id: 'DESC' }, skip: query.offset, take: query.limit });
    return { items: rows.map(fromRow), total };
  }
}
