import { DomainError, Result, fail, ok } from '../shared/result';
import { Review } from './review';
import { ReviewsDeps } from './reviews-deps';

/** An admin hides an abusive review (or shows it again): out of every average and list shoppers see. Idempotent. */
export async function setReviewHidden(deps: ReviewsDeps, id: number, hidden: boolean): Promise<Result<Review, DomainError<'REVIEW_NOT_FOUND'>>> {
  if (!Number.isSafeInteger(id) || id <= 0) return fail('REVIEW_NOT_FOUND', `no review ${id}`);
  return deps.uow.run(async (tx): Promise<Result<Review, DomainError<'REVIEW_NOT_FOUND'>>> => {
    await tx.reviews.setHidden(id, hidden);
    const review = await tx.reviews.findById(id);
    return review ? ok(review) : fail('REVIEW_NOT_FOUND', `no review ${id}`);
  });
}
