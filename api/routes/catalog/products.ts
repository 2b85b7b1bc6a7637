import { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { FastifyInstance } from 'fastify';
import { RouteDeps } from '../../context-routes';
import { sendError } from '../../errors';
import { Product, ProductPage, ProductSearchQuery } from '../../schemas/catalog';
import { IdParams, PagingQuery, errorResponses, paging } from '../../schemas/common';
import { presentProduct } from './product-presenters';

export async function productRoutes(instance: FastifyInstance, opts: RouteDeps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { shop } = opts;

  app.get(
    '/v1/products',
    {
      schema: {
        tags: ['catalog'],
        summary: 'List the visible products',
        description: 'Newest first, 20 a page by default (at most 100); `q` matches the title or SKU.',
        querystring: Type.Composite([ProductSearchQuery, Type.Object(PagingQuery)], { additionalProperties: false }),
        response: { 200: ProductPage, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await shop.catalog.browseProducts({ q: request.query.q, ...paging(request.query) });
      if (!result.ok) return sendError(reply, result.error);
      const { items, total, page, pageSize } = result.value;
      return { items: items.map(presentProduct), total, page, pageSize };
    },
  );

  app.get(
    '/v1/products/:id',
    { schema: { tags: ['catalog'], summary: 'One visible product', params: IdParams, response: { 200: Product, ...errorResponses } } },
    async (request, reply) => {
      const result = await shop.catalog.getProduct(Number(request.params.id));
      return result.ok ? presentProduct(result.value) : sendError(reply, result.error);
    },
  );
}
