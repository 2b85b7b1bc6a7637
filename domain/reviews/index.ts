// The reviews context's public face: what the doors and the composition root may use.
export { REVIEWS_ERROR_CODES, reviewsContext } from './reviews-context';
export type { ReviewsErrorCode } from './reviews-context';
export type { ReviewsDeps, ReviewsRepositories } from './reviews-deps';
export { MAX_RATING, MAX_REVIEW_TEXT, MIN_RATING, ratingSummary } from './review';
export type { ProductReviews, RatingSummary, Review } from './review';
export type { NewReview, ReviewListQuery, ReviewRepository } from './review-repository';
export type { WriteReview, WriteReviewError } from './write-review';
