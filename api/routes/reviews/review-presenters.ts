import type { ProductReviews, Review } from '../../../domain/reviews';

export const presentReview = (review: Review) => ({
  id: review.id,
  productId: review.productId,
  author: review.authorName,
  rating: review.rating,
  text: review.text,
  createdAt: review.createdAt.toISOString(),
});

export const presentAdminReview = (review: Review) => ({
  ...presentReview(review),
  orderNo: review.orderNo,
  lineNo: review.lineNo,
  userId: review.userId,
  hidden: review.hidden,
});

export const presentProductReviews = (reviews: ProductReviews) => ({
  count: reviews.count,
  average: reviews.average,
  recent: reviews.recent.map(presentReview),
});
