import { BrowseProducts, PRODUCT_SORTS } from '../../../domain/catalog';
import { pagingQuery } from '../../schemas';

/** `?lang=zh` (else the Accept-Language header) picks the language of titles and descriptions. */
export const langQuery = { type: 'string', minLength: 2, maxLength: 35 } as const;

/** `GET /v1/products` and its admin twin: text, category (id or path), order, page. */
export const productListQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    q: { type: 'string', maxLength: 100 },
    category: { type: 'string', minLength: 1, maxLength: 255 },
    sort: { type: 'string', enum: [...PRODUCT_SORTS] },
    lang: langQuery,
    ...pagingQuery,
  },
} as const;

export interface ProductListQuerystring {
  q?: string;
  category?: string;
  sort?: string;
  lang?: string;
  page?: string;
  pageSize?: string;
}

export const browseQueryOf = (query: ProductListQuerystring, acceptLanguage?: string): BrowseProducts => ({
  q: query.q,
  lang: query.lang ?? acceptLanguage ?? null,
  category: query.category,
  sort: query.sort,
  page: query.page ? Number(query.page) : undefined,
  pageSize: query.pageSize ? Number(query.pageSize) : undefined,
});

/** The page's envelope; `items` is the caller's product schema. */
export const productPageSchema = (item: object) =>
  ({
    type: 'object',
    required: ['items', 'total', 'totalCapped', 'page', 'pageSize', 'sort'],
    properties: {
      items: { type: 'array', items: item },
      total: { type: 'integer' },
      totalCapped: { type: 'boolean' },
      page: { type: 'integer' },
      pageSize: { type: 'integer' },
      sort: { type: 'string', enum: [...PRODUCT_SORTS] },
    },
  }) as const;
