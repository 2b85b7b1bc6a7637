import { ReviewsErrorCode } from '../../../domain/reviews';
import { defineRoutes } from '../../context-routes';
import { reviewRoutes as routes } from './reviews';

const REVIEWS_STATUS: Record<ReviewsErrorCode, number> = {
  REVIEW_NOT_ALLOWED: 409,
  REVIEW_EXISTS: 409,
  REVIEW_NOT_FOUND: 404,
};

export const reviewRoutes = defineRoutes(async (app, deps) => {
  await app.register(routes, deps);
}, REVIEWS_STATUS);
