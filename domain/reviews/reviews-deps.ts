import { OrderingRepositories } from '../ordering';
import { Clock } from '../shared/clock';
import { UnitOfWork } from '../shared/unit-of-work';
import { ReviewRepository } from './review-repository';

/** What reviews add to a transaction. */
export interface ReviewsRepositories {
  reviews: ReviewRepository;
}

export interface ReviewsDeps {
  /** The order a review is written from is read to check the shopper received that line. */
  uow: UnitOfWork<ReviewsRepositories & OrderingRepositories>;
  clock: Clock;
}
