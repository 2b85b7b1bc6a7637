import { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { FastifyInstance } from 'fastify';
import { RouteDeps } from '../../context-routes';
import { sendError } from '../../errors';
import { AddCodesBody, AdminProduct, AdminProductPage, CodesAdded, CreateProductBody, ProductSearchQuery, UpdateProductBody } from '../../schemas/catalog';
import { IdParams, PagingQuery, SECURITY, errorResponses, paging } from '../../schemas/common';
import { presentProductForAdmin } from './product-presenters';

/** Admins manage products, their stock and code pools. */
export async function adminProductRoutes(instance: FastifyInstance, opts: RouteDeps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { shop, access } = opts;
  const admin = { tags: ['admin'], security: SECURITY.admin };

  app.get(
    '/v1/admin/products',
    {
      onRequest: access.admin,
      schema: {
        ...admin,
        summary: 'List every product, hidden ones too',
        querystring: Type.Composite([ProductSearchQuery, Type.Object(PagingQuery)], { additionalProperties: false }),
        response: { 200: AdminProductPage, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await shop.catalog.browseProducts({ q: request.query.q, ...paging(request.query), includeHidden: true });
      if (!result.ok) return sendError(reply, result.error);
      const { items, total, page, pageSize } = result.value;
      return { items: items.map(presentProductForAdmin), total, page, pageSize };
    },
  );

  app.post(
    '/v1/admin/products',
    {
      onRequest: access.admin,
      schema: { ...admin, summary: 'Create a product', body: CreateProductBody, response: { 201: AdminProduct, ...errorResponses } },
    },
    async (request, reply) => {
      const result = await shop.catalog.createProduct(request.body);
      return result.ok ? reply.code(201).send(presentProductForAdmin(result.value)) : sendError(reply, result.error);
    },
  );

  app.patch(
    '/v1/admin/products/:id',
    {
      onRequest: access.admin,
      schema: {
        ...admin,
        summary: 'Change a product',
        description: 'Only the fields sent change. A code product’s stock follows its pool and cannot be set.',
        params: IdParams,
        body: UpdateProductBody,
        response: { 200: AdminProduct, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await shop.catalog.updateProduct(Number(request.params.id), request.body);
      return result.ok ? presentProductForAdmin(result.value) : sendError(reply, result.error);
    },
  );

  app.post(
    '/v1/admin/products/:id/codes',
    {
      onRequest: access.admin,
      schema: {
        ...admin,
        summary: "Add codes to a code product's pool",
        description: 'Codes already in the pool are skipped and counted as duplicates.',
        params: IdParams,
        body: AddCodesBody,
        response: { 201: CodesAdded, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await shop.catalog.addCodes(Number(request.params.id), request.body.codes);
      return result.ok ? reply.code(201).send(result.value) : sendError(reply, result.error);
    },
  );
}
