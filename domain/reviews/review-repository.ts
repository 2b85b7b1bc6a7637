import { Review } from './review';

export type NewReview = Omit<Review, 'id' | 'hidden'>;

export interface ReviewListQuery {
  /** null: hidden and visible. */
  hidden: boolean | null;
  productId: number | null;
  offset: number;
  limit: number;
}

export interface ReviewRepository {
  /** 'DUPLICATE' when that order line has a review already: the unique key (order_no, line_no) decides. */
  insert(review: NewReview): Promise<{ status: 'INSERTED'; review: Review } | { status: 'DUPLICATE' }>;
  /** The text of a review that has none yet, by its author: the text is written once too. False otherwise. */
  addText(id: number, userId: string, text: string): Promise<boolean>;
  /** Conditional: true only when this call changed it. */
  setHidden(id: number, hidden: boolean): Promise<boolean>;
  findById(id: number): Promise<Review | null>;
  /** The visible reviews' count and sum, with the newest `recent` of them, in one read. */
  productReviews(productId: number, recent: number): Promise<{ count: number; sum: number; recent: Review[] }>;
  /** The order's reviews (which lines are done). */
  forOrder(orderNo: string): Promise<Review[]>;
  list(query: ReviewListQuery): Promise<{ items: Review[]; total: number }>;
}
