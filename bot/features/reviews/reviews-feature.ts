import { on, defineFeature } from '../../routing/feature';
import { askStars, onReviewText, rateStars, reviewDone } from './reviews';
import { reviewsActions } from './reviews-actions';

export const reviewsFeature = defineFeature({
  name: 'reviews',
  actions: [
    on(reviewsActions.rateLine, (ctx, svc, a) => askStars(ctx, svc, a.orderNo, a.line)),
    on(reviewsActions.rateStars, (ctx, svc, a) => rateStars(ctx, svc, a.orderNo, a.line, a.stars)),
    on(reviewsActions.reviewDone, (ctx) => reviewDone(ctx)),
  ],
  onText: (ctx, svc, text) => onReviewText(ctx, svc, text),
});
