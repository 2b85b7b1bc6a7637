import type { Action } from '../callback-data';
import type { Translate } from '../i18n/translate';
import { Button, button } from './keyboard';

/** How many pages a list of `total` has (at least one, so an empty list is "page 1 of 1"). */
export const pageCount = (total: number, pageSize: number): number => Math.max(1, Math.ceil(total / pageSize));

/** ◀ / ▶ under a paged list, each only when there is a page that way; empty when everything fits one page. */
export function pagerRow(t: Translate, page: number, pages: number, toPage: (page: number) => Action): Button[] {
  return [
    ...(page > 1 ? [button(t('btnPrev'), toPage(Math.min(page, pages + 1) - 1))] : []),
    ...(page < pages ? [button(t('btnNext'), toPage(page + 1))] : []),
  ];
}
