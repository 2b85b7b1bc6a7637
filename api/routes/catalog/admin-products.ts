import { FastifyInstance } from 'fastify';
import { LANGUAGES } from '../../../domain/shared/languages';
import { ProductInput } from '../../../domain/catalog';
import { RouteDeps } from '../../context-routes';
import { sendError } from '../../errors';
import { createProductBody, errorSchema, idParam, updateProductBody } from '../../schemas';
import { adminProductSchema, presentProductForAdmin } from './product-presenters';
import { ProductListQuerystring, browseQueryOf, productListQuery, productPageSchema } from './product-query';

/** Admins manage products, their stock and code pools. */
export async function adminProductRoutes(app: FastifyInstance, opts: RouteDeps): Promise<void> {
  const { shop, auth } = opts;
  app.addHook('preHandler', auth.admin);

  app.get<{ Querystring: ProductListQuerystring }>(
    '/v1/admin/products',
    { schema: { querystring: productListQuery, response: { 200: productPageSchema(adminProductSchema), 400: errorSchema } } },
    async (request, reply) => {
      const result = await shop.catalog.browseProducts({ ...browseQueryOf(request.query), includeHidden: true });
      if (!result.ok) return sendError(reply, result.error);
      const { items, ...page } = result.value;
      return { items: items.map(presentProductForAdmin), ...page };
    },
  );

  app.post<{ Body: ProductInput }>('/v1/admin/products', { schema: { body: createProductBody } }, async (request, reply) => {
    const result = await shop.catalog.createProduct(request.body);
    return result.ok ? reply.code(201).send(presentProductForAdmin(result.value)) : sendError(reply, result.error);
  });

  app.patch<{ Params: { id: string }; Body: ProductInput }>(
    '/v1/admin/products/:id',
    { schema: { params: idParam, body: updateProductBody } },
    async (request, reply) => {
      const result = await shop.catalog.updateProduct(Number(request.params.id), request.body);
      return result.ok ? presentProductForAdmin(result.value) : sendError(reply, result.error);
    },
  );

  const textSchema = {
    type: 'object',
    required: ['title'],
    additionalProperties: false,
    properties: { title: { type: 'string', minLength: 1, maxLength: 120 }, description: { type: ['string', 'null'], maxLength: 2000 } },
  } as const;
  const textsSchema = { type: 'object', additionalProperties: false, properties: Object.fromEntries(LANGUAGES.map((lang) => [lang, textSchema])) } as const;

  // The product's title and description in other languages: the body is the whole set (a language left out is removed).
  app.put<{ Params: { id: string }; Body: Record<string, { title: string; description?: string | null }> }>(
    '/v1/admin/products/:id/texts',
    { schema: { params: idParam, body: textsSchema, response: { 200: textsSchema, 400: errorSchema, 404: errorSchema } } },
    async (request, reply) => {
      const result = await shop.catalog.setProductTexts(Number(request.params.id), request.body);
      if (!result.ok) return sendError(reply, result.error);
      return Object.fromEntries(result.value.map((t) => [t.lang, { title: t.title, description: t.description }]));
    },
  );

  app.post<{ Params: { id: string }; Body: { codes: string[] } }>(
    '/v1/admin/products/:id/codes',
    {
      schema: {
        params: idParam,
        body: {
          type: 'object',
          required: ['codes'],
          additionalProperties: false,
          properties: { codes: { type: 'array', minItems: 1, maxItems: 10000, items: { type: 'string', minLength: 1, maxLength: 255 } } },
        },
      },
    },
    async (request, reply) => {
      const result = await shop.catalog.addCodes(Number(request.params.id), request.body.codes);
      return result.ok ? reply.code(201).send(result.value) : sendError(reply, result.error);
    },
  );
}
