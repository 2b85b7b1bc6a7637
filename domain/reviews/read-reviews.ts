import { Page, PageQuery, pageOf, pageWindow } from '../shared/paging';
import { Result, ok } from '../shared/result';
import { ValidationError } from '../shared/validation';
import { ProductReviews, Review, ratingSummary } from './review';
import { ReviewsDeps } from './reviews-deps';

/** What a product card shows: the average of the visible reviews, their number, the newest few. One read. */
export async function productReviews(deps: ReviewsDeps, productId: number, recent = 3): Promise<ProductReviews> {
  if (!Number.isSafeInteger(productId) || productId <= 0) return { ...ratingSummary(0, 0), recent: [] };
  const found = await deps.uow.read((r) => r.reviews.productReviews(productId, recent));
  return { ...ratingSummary(found.count, found.sum), recent: found.recent };
}

/** The reviews of an order, for its screen (which lines can still be rated). */
export async function orderReviews(deps: ReviewsDeps, orderNo: string): Promise<Review[]> {
  return deps.uow.read((r) => r.reviews.forOrder(orderNo));
}

/** Admins' list, newest first: all, only hidden, or only visible; one product's or the shop's. */
export async function listReviews(
  deps: ReviewsDeps,
  query: PageQuery & { hidden?: boolean | null; productId?: number | null },
): Promise<Result<Page<Review>, ValidationError>> {
  const window = pageWindow(query, { default: 20, max: 100 });
  if (!window.ok) return window;
  const found = await deps.uow.read((r) =>
    r.reviews.list({ hidden: query.hidden ?? null, productId: query.productId ?? null, offset: window.value.offset, limit: window.value.limit }),
  );
  return ok(pageOf(window.value, found));
}
