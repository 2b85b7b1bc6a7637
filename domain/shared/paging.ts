import { Result, ok } from './result';
import { ValidationError, positiveInt } from './validation';

/** What a caller asks of a list: a page number from 1 and a page size (both optional, checked here). */
export interface PageQuery {
  page?: unknown;
  pageSize?: unknown;
}

/** One page of a list, with the total so a door can say "page 2 of 7". */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface PageWindow {
  page: number;
  pageSize: number;
  offset: number;
  limit: number;
}

const MAX_PAGE = 1_000_000;

export function pageWindow(query: PageQuery, sizes: { default: number; max: number }): Result<PageWindow, ValidationError> {
  const page = positiveInt('page', query.page ?? 1, MAX_PAGE);
  if (!page.ok) return page;
  const pageSize = positiveInt('pageSize', query.pageSize ?? sizes.default, sizes.max);
  if (!pageSize.ok) return pageSize;
  return ok({ page: page.value, pageSize: pageSize.value, offset: (page.value - 1) * pageSize.value, limit: pageSize.value });
}

export const pageOf = <T>(window: PageWindow, found: { items: T[]; total: number }): Page<T> => ({
  items: found.items,
  total: found.total,
  page: window.page,
  pageSize: window.pageSize,
});
