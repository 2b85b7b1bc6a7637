import { Type } from '@sinclair/typebox';
import { MAX_RATING, MAX_REVIEW_TEXT, MIN_RATING } from '../../domain/reviews';
import { DateTime, Nullable, PageOf } from './common';

export const Review = Type.Object(
  {
    id: Type.Integer(),
    productId: Type.Integer(),
    author: Type.String({ description: "the shopper's first name when they wrote it" }),
    rating: Type.Integer({ minimum: MIN_RATING, maximum: MAX_RATING }),
    text: Type.String(),
    createdAt: DateTime(),
  },
  { examples: [{ id: 7, productId: 1, author: 'Li', rating: 5, text: '到账很快', createdAt: '2026-12-03T10:00:00.000Z' }] },
);

export const AdminReview = Type.Composite([
  Review,
  Type.Object({ orderNo: Type.String(), lineNo: Type.Integer(), userId: Type.String(), hidden: Type.Boolean() }),
]);

export const RatingSummary = Type.Object({
  count: Type.Integer({ minimum: 0, description: 'visible reviews' }),
  average: Nullable(Type.Number({ description: 'their average stars, one decimal; null without reviews' })),
});

export const ProductReviews = Type.Composite([RatingSummary, Type.Object({ recent: Type.Array(Review, { description: 'the newest visible reviews' }) })]);

export const WriteReviewBody = Type.Object(
  {
    lineNo: Type.Integer({ minimum: 1, description: "the order line (its product) being rated; see the order's items" }),
    rating: Type.Integer({ minimum: MIN_RATING, maximum: MAX_RATING }),
    text: Type.Optional(Type.String({ maxLength: MAX_REVIEW_TEXT * 2, description: `at most ${MAX_REVIEW_TEXT} characters` })),
  },
  { additionalProperties: false, examples: [{ lineNo: 1, rating: 5, text: 'Works, arrived at once' }] },
);

export const AdminReviewPage = PageOf(AdminReview, 'reviews, newest first');
