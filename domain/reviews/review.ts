/** A shopper's word on a product they received: once per order line, 1–5 stars and an optional short text. */
export interface Review {
  id: number;
  productId: number;
  orderNo: string;
  lineNo: number;
  userId: string;
  /** The name shown with it (the shopper's first name when they wrote it), never their id. */
  authorName: string;
  rating: number;
  text: string;
  /** Hidden by an admin (abusive): out of every average and list shoppers see. */
  hidden: boolean;
  createdAt: Date;
}

export const MIN_RATING = 1;
export const MAX_RATING = 5;
/** Short, as a review in a chat is: a line or two. */
export const MAX_REVIEW_TEXT = 500;

/** A product's average over its visible reviews, and how many there are. */
export interface RatingSummary {
  count: number;
  /** Rounded to one decimal; null without reviews. */
  average: number | null;
}

/** The card's part: the summary and the newest visible reviews. */
export interface ProductReviews extends RatingSummary {
  recent: Review[];
}

export const ratingSummary = (count: number, sum: number): RatingSummary => ({ count, average: count === 0 ? null : Math.round((sum / count) * 10) / 10 });
