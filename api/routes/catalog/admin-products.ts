import { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { FastifyInstance } from 'fastify';
import { RouteDeps } from '../../context-routes';
import { sendError } from '../../errors';
import {
  AddCodesBody,
  AdminProduct,
  AdminProductPage,
  CodesAdded,
  CreateProductBody,
  LangQuery,
  ProductSearchQuery,
  ProductTexts,
  UpdateProductBody,
  productFilters,
} from '../../schemas/catalog';
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
        querystring: Type.Composite([ProductSearchQuery, LangQuery, Type.Object(PagingQuery)], { additionalProperties: false }),
        response: { 200: AdminProductPage, ...errorResponses },
      },
    },
    async (request, reply) => {
      const query = request.query;
      const result = await shop.catalog.browseProducts({ ...productFilters(query), ...paging(query), lang: query.lang ?? null, includeHidden: true });
      if (!result.ok) return sendError(reply, result.error);
      const { items, ...page } = result.value;
      return { items: items.map((p) => presentProductForAdmin(p)), ...page };
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

  app.put(
    '/v1/admin/products/:id/texts',
    {
      onRequest: access.admin,
      schema: {
        ...admin,
        summary: "Set a product's texts in other languages",
        description: 'The body is the whole set: a language left out is removed. Search finds the product by every language.',
        params: IdParams,
        body: ProductTexts,
        response: { 200: ProductTexts, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await shop.catalog.setProductTexts(Number(request.params.id), request.body);
      if (!result.ok) return sendError(reply, result.error);
      return Object.fromEntries(result.value.map((t) => [t.lang, { title: t.title, description: t.description }]));
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
