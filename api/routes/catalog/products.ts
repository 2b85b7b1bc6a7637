import { FastifyInstance } from 'fastify';
import { RouteDeps } from '../../context-routes';
import { sendError } from '../../errors';
import { errorSchema, idParam } from '../../schemas';
import { presentProduct, productSchema } from './product-presenters';
import { ProductListQuerystring, browseQueryOf, langQuery, productListQuery, productPageSchema } from './product-query';

export async function productRoutes(app: FastifyInstance, opts: RouteDeps): Promise<void> {
  const { shop } = opts;

  app.get<{ Querystring: ProductListQuerystring }>(
    '/v1/products',
    { schema: { querystring: productListQuery, response: { 200: productPageSchema(productSchema), 400: errorSchema } } },
    async (request, reply) => {
      const result = await shop.catalog.browseProducts(browseQueryOf(request.query, request.headers['accept-language']));
      if (!result.ok) return sendError(reply, result.error);
      const { items, ...page } = result.value;
      return { items: items.map(presentProduct), ...page };
    },
  );

  app.get<{ Params: { id: string }; Querystring: { lang?: string } }>(
    '/v1/products/:id',
    {
      schema: {
        params: idParam,
        querystring: { type: 'object', additionalProperties: false, properties: { lang: langQuery } },
        response: { 200: productSchema, 404: errorSchema },
      },
    },
    async (request, reply) => {
      const lang = request.query.lang ?? request.headers['accept-language'] ?? null;
      const result = await shop.catalog.getProduct(Number(request.params.id), { lang });
      return result.ok ? presentProduct(result.value) : sendError(reply, result.error);
    },
  );
}
