import { FastifyInstance } from 'fastify';
import { RouteDeps } from '../../context-routes';
import { sendError } from '../../errors';
import { presentProduct } from './product-presenters';
import { idParam, pagingQuery } from '../../schemas';

export async function productRoutes(app: FastifyInstance, opts: RouteDeps): Promise<void> {
  const { shop } = opts;

  app.get<{ Querystring: { q?: string; page?: string; pageSize?: string } }>(
    '/v1/products',
    { schema: { querystring: { type: 'object', additionalProperties: false, properties: { q: { type: 'string', maxLength: 100 }, ...pagingQuery } } } },
    async (request, reply) => {
      const { q, page, pageSize } = request.query;
      const result = await shop.catalog.browseProducts({ q, page: page ? Number(page) : undefined, pageSize: pageSize ? Number(pageSize) : undefined });
      if (!result.ok) return sendError(reply, result.error);
      const { items, total } = result.value;
      return { items: items.map(presentProduct), total, page: result.value.page, pageSize: result.value.pageSize };
    },
  );

  app.get<{ Params: { id: string } }>('/v1/products/:id', { schema: { params: idParam } }, async (request, reply) => {
    const result = await shop.catalog.getProduct(Number(request.params.id));
    return result.ok ? presentProduct(result.value) : sendError(reply, result.error);
  });
}
