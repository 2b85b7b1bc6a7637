import { MAX_RATING, MIN_RATING } from '../../../domain/reviews';
import { defineAction, intField, orderNoField } from '../../routing/action-codec';

const lineField = intField(1, 100);

export const reviewsActions = {
  rateLine: defineAction('rateLine', 'rl', { orderNo: orderNoField, line: lineField }),
  rateStars: defineAction('rateStars', 'rs', { orderNo: orderNoField, line: lineField, stars: intField(MIN_RATING, MAX_RATING) }),
  reviewDone: defineAction('reviewDone', 'rd', {}),
};
