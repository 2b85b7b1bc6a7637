import { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { FastifyInstance } from 'fastify';
import { RouteDeps } from '../../context-routes';
import { sendError } from '../../errors';
import { CatalogReadHeaders, LangQuery, NotModified, Product, ProductPage, ProductSearchQuery, askedLanguage, productFilters } from '../../schemas/catalog';
import { IdParams, PagingQuery, errorResponses, paging } from '../../schemas/common';
import { presentProduct, withShops } from './product-presenters';

export async function productRoutes(instance: FastifyInstance, opts: RouteDeps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { shop, catalogResponses } = opts;

  app.get(
    '/v1/products',
    {
      schema: {
        tags: ['catalog'],
        summary: 'List the visible products',
        description:
          'By relevance with `q` (in every language the products are written in), else in the shop order; `category` narrows to a category and everything below it; texts in `?lang=` or Accept-Language; 20 a page by default (at most 100). Answers carry an ETag (If-None-Match: 304).',
        querystring: Type.Composite([ProductSearchQuery, LangQuery, Type.Object(PagingQuery)], { additionalProperties: false }),
        headers: CatalogReadHeaders,
        response: { 200: ProductPage, 304: NotModified, ...errorResponses },
      },
    },
    async (request, reply) =>
      catalogResponses.serve(request, reply, async () => {
        const { query } = request;
        const lang = askedLanguage(query, request.headers['accept-language']);
        const result = await shop.catalog.browseProducts({ ...productFilters(query), ...paging(query), lang });
        if (!result.ok) return sendError(reply, result.error);
        const { items, ...page } = result.value;
        const names = await shop.sellers.sellerNames(items.map((p) => p.sellerId));
        return { items: withShops(items, names, presentProduct), ...page };
      }),
  );

  app.get(
    '/v1/products/:id',
    {
      schema: {
        tags: ['catalog'],
        summary: 'One visible product',
        description: 'Its title and description in `?lang=` or Accept-Language where written, else its own. Answers carry an ETag (If-None-Match: 304).',
        params: IdParams,
        querystring: LangQuery,
        headers: CatalogReadHeaders,
        response: { 200: Product, 304: NotModified, ...errorResponses },
      },
    },
    async (request, reply) =>
      catalogResponses.serve(request, reply, async () => {
        const lang = askedLanguage(request.query, request.headers['accept-language']);
        const result = await shop.catalog.getProduct(Number(request.params.id), { lang });
        if (!result.ok) return sendError(reply, result.error);
        const names = await shop.sellers.sellerNames([result.value.sellerId]);
        return withShops([result.value], names, presentProduct)[0];
      }),
  );
}
