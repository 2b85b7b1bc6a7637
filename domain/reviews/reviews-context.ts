import { PageQuery } from '../shared/paging';
import { defineContext } from '../shared/context';
import { setReviewHidden } from './moderate-review';
import { listReviews, orderReviews, productReviews } from './read-reviews';
import { ReviewsDeps } from './reviews-deps';
import { WriteReview, addReviewText, writeReview } from './write-review';

export const REVIEWS_ERROR_CODES = ['REVIEW_NOT_ALLOWED', 'REVIEW_EXISTS', 'REVIEW_NOT_FOUND'] as const;
export type ReviewsErrorCode = (typeof REVIEWS_ERROR_CODES)[number];

/** Shoppers rate what they received; product cards show the average and the newest; admins hide abusive ones. */
export function reviewsContext(deps: ReviewsDeps) {
  return defineContext(
    {
      writeReview: (cmd: WriteReview) => writeReview(deps, cmd),
      addReviewText: (cmd: { reviewId: number; userId: string; text: string }) => addReviewText(deps, cmd),
      productReviews: (productId: number, recent?: number) => productReviews(deps, productId, recent),
      orderReviews: (orderNo: string) => orderReviews(deps, orderNo),
      listReviews: (query: PageQuery & { hidden?: boolean | null; productId?: number | null }) => listReviews(deps, query),
      setReviewHidden: (id: number, hidden: boolean) => setReviewHidden(deps, id, hidden),
    },
    { errorCodes: REVIEWS_ERROR_CODES },
  );
}
