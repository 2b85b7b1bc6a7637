import { wasReceived } from '../ordering';
import { DomainError, Result, fail, ok } from '../shared/result';
import { invalid } from '../shared/validation';
import { MAX_RATING, MAX_REVIEW_TEXT, MIN_RATING, Review } from './review';
import { ReviewsDeps } from './reviews-deps';

export interface WriteReview {
  userId: string;
  authorName: string;
  orderNo: string;
  lineNo: number;
  rating: unknown;
  text?: unknown;
}

export type WriteReviewError = DomainError<'VALIDATION_FAILED' | 'ORDER_NOT_FOUND' | 'REVIEW_NOT_ALLOWED' | 'REVIEW_EXISTS'>;

function reviewText(value: unknown): Result<string, DomainError<'VALIDATION_FAILED'>> {
  if (value === undefined || value === null) return ok('');
  if (typeof value !== 'string') return invalid('text', 'must be text');
  const text = value.trim();
  if (Array.from(text).length > MAX_REVIEW_TEXT) return invalid('text', `at most ${MAX_REVIEW_TEXT} characters`);
  return ok(text);
}

/**
 * Rates one line of an order the shopper received (delivered, or delivered and partly refunded): once per line. The
 * order is read and the review inserted in one transaction; the unique key (order, line) decides a race of two.
 * Someone else's order reads as no order at all.
 */
export async function writeReview(deps: ReviewsDeps, cmd: WriteReview): Promise<Result<Review, WriteReviewError>> {
  const rating = cmd.rating;
  if (typeof rating !== 'number' || !Number.isInteger(rating) || rating < MIN_RATING || rating > MAX_RATING)
    return invalid('rating', `a whole number from ${MIN_RATING} to ${MAX_RATING}`);
  const text = reviewText(cmd.text);
  if (!text.ok) return text;
  const authorName = cmd.authorName.trim().slice(0, 64) || '—';
  return deps.uow.run(async (tx): Promise<Result<Review, WriteReviewError>> => {
    const order = await tx.orders.findByNo(cmd.orderNo);
    if (!order || order.userId !== cmd.userId) return fail('ORDER_NOT_FOUND', `no order ${cmd.orderNo}`);
    if (!wasReceived(order)) return fail('REVIEW_NOT_ALLOWED', 'only what was received can be reviewed');
    const line = order.lines.find((l) => l.lineNo === cmd.lineNo);
    if (!line) return fail('ORDER_NOT_FOUND', `order ${cmd.orderNo} has no line ${cmd.lineNo}`);
    const inserted = await tx.reviews.insert({
      productId: line.productId,
      orderNo: order.orderNo,
      lineNo: line.lineNo,
      userId: cmd.userId,
      authorName,
      rating,
      text: text.value,
      createdAt: deps.clock.now(),
    });
    return inserted.status === 'INSERTED' ? ok(inserted.review) : fail('REVIEW_EXISTS', 'this line has a review already');
  });
}

/** The text for a review written with stars only (the chat asks for it after the stars): once, by its author. */
export async function addReviewText(
  deps: ReviewsDeps,
  cmd: { reviewId: number; userId: string; text: string },
): Promise<Result<Review, DomainError<'VALIDATION_FAILED' | 'REVIEW_EXISTS' | 'REVIEW_NOT_FOUND'>>> {
  const text = reviewText(cmd.text);
  if (!text.ok) return text;
  if (text.value === '') return invalid('text', 'must not be empty');
  return deps.uow.run(async (tx): Promise<Result<Review, DomainError<'REVIEW_EXISTS' | 'REVIEW_NOT_FOUND'>>> => {
    if (await tx.reviews.addText(cmd.reviewId, cmd.userId, text.value)) {
      const review = await tx.reviews.findById(cmd.reviewId);
      if (review) return ok(review);
    }
    const review = await tx.reviews.findById(cmd.reviewId);
    return review && review.userId === cmd.userId
      ? fail('REVIEW_EXISTS', 'this review has its text already')
      : fail('REVIEW_NOT_FOUND', `no review ${cmd.reviewId}`);
  });
}
