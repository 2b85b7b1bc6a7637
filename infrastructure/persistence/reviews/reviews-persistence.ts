import { ReviewsRepositories } from '../../../domain/reviews';
import { definePersistence } from '../persistence-part';
import { ReviewEntity } from './review-entity';
import { TypeormReviewRepository } from './typeorm-review-repository';

export const reviewsPersistence = definePersistence<ReviewsRepositories>([ReviewEntity], (manager) => ({
  reviews: new TypeormReviewRepository(manager),
}));
