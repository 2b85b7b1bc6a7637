import multipart from '@fastify/multipart';
import { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { FastifyInstance } from 'fastify';
import { MAX_UPLOAD_BYTES } from '../../../domain/catalog';
import { sellerOf } from '../../auth';
import { RouteDeps } from '../../context-routes';
import { sendError } from '../../errors';
import { ImportIdParams, ImportJob, ImportQuery, ImportUpload } from '../../schemas/catalog-import';
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
import { presentImportJob } from '../catalog/import-presenters';
import { presentProductForAdmin } from '../catalog/product-presenters';

/**
 * A seller manages their own products — the admin's product use cases with the seller as the owner, so another
 * seller's product is 404 and nothing changes (the check is in the catalog, not here). The seller comes from the
 * verified init data and our database (`access.seller`), never from the request.
 */
export async function sellerProductRoutes(instance: FastifyInstance, opts: RouteDeps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { shop, access } = opts;
  const seller = { tags: ['sellers'], security: SECURITY.seller };
  const owner = (request: Parameters<typeof sellerOf>[0]) => ({ sellerId: sellerOf(request).id });
  await app.register(multipart, { limits: { files: 1, fields: 0, fileSize: 2 * MAX_UPLOAD_BYTES } });

  app.get(
    '/v1/seller/products',
    {
      onRequest: access.seller,
      schema: {
        ...seller,
        summary: 'My products, hidden ones too',
        querystring: Type.Composite([ProductSearchQuery, LangQuery, Type.Object(PagingQuery)], { additionalProperties: false }),
        response: { 200: AdminProductPage, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { query } = request;
      const result = await shop.catalog.browseProducts({
        ...productFilters(query),
        ...paging(query),
        lang: query.lang ?? null,
        includeHidden: true,
        sellerId: sellerOf(request).id,
      });
      if (!result.ok) return sendError(reply, result.error);
      const { items, ...page } = result.value;
      return { items: items.map((p) => presentProductForAdmin(p)), ...page };
    },
  );

  app.get(
    '/v1/seller/products/:id',
    { onRequest: access.seller, schema: { ...seller, summary: 'One of my products', params: IdParams, response: { 200: AdminProduct, ...errorResponses } } },
    async (request, reply) => {
      const result = await shop.catalog.getProduct(Number(request.params.id), { owner: owner(request) });
      return result.ok ? presentProductForAdmin(result.value) : sendError(reply, result.error);
    },
  );

  app.post(
    '/v1/seller/products',
    {
      onRequest: access.seller,
      schema: { ...seller, summary: 'List a new product in my shop', body: CreateProductBody, response: { 201: AdminProduct, ...errorResponses } },
    },
    async (request, reply) => {
      const result = await shop.catalog.createProduct(request.body, owner(request));
      return result.ok ? reply.code(201).send(presentProductForAdmin(result.value)) : sendError(reply, result.error);
    },
  );

  app.patch(
    '/v1/seller/products/:id',
    {
      onRequest: access.seller,
      schema: {
        ...seller,
        summary: 'Change one of my products (price, stock, texts, hide with visible=false)',
        params: IdParams,
        body: UpdateProductBody,
        response: { 200: AdminProduct, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await shop.catalog.updateProduct(Number(request.params.id), request.body, owner(request));
      return result.ok ? presentProductForAdmin(result.value) : sendError(reply, result.error);
    },
  );

  app.put(
    '/v1/seller/products/:id/texts',
    {
      onRequest: access.seller,
      schema: {
        ...seller,
        summary: "Set my product's texts in other languages",
        params: IdParams,
        body: ProductTexts,
        response: { 200: ProductTexts, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await shop.catalog.setProductTexts(Number(request.params.id), request.body, owner(request));
      if (!result.ok) return sendError(reply, result.error);
      return Object.fromEntries(result.value.map((t) => [t.lang, { title: t.title, description: t.description }]));
    },
  );

  app.post(
    '/v1/seller/products/:id/codes',
    {
      onRequest: access.seller,
      schema: {
        ...seller,
        summary: "Add codes to my code product's pool",
        params: IdParams,
        body: AddCodesBody,
        response: { 201: CodesAdded, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await shop.catalog.addCodes(Number(request.params.id), request.body.codes, owner(request));
      return result.ok ? reply.code(201).send(result.value) : sendError(reply, result.error);
    },
  );

  app.post(
    '/v1/seller/imports',
    {
      onRequest: access.seller,
      schema: {
        ...seller,
        summary: 'Import a file of my goods (CSV or YAML)',
        description:
          'The catalog importer, scoped to my shop: its SKUs are matched among my products only (SKUs are unique per shop). Checks every row first and writes nothing if one is bad; `?dryRun=true` only checks. Answers at once with the job; follow it with GET /v1/seller/imports/:id.',
        consumes: ['multipart/form-data'],
        querystring: ImportQuery,
        body: ImportUpload,
        response: { 202: ImportJob, ...errorResponses },
      },
    },
    async (request, reply) => {
      const file = request.isMultipart() ? await request.file() : undefined;
      if (!file) return reply.code(400).send({ error: { code: 'VALIDATION_FAILED', message: 'file: send the catalog as a multipart field named file' } });
      const started = await shop.catalog.startImport({
        fileName: file.filename,
        content: file.file,
        dryRun: request.query.dryRun === 'true',
        owner: owner(request),
      });
      if (!started.ok) return sendError(reply, started.error);
      started.value.finished.catch((error: unknown) => request.log.error({ err: error }, 'seller catalog import failed'));
      return reply.code(202).send(presentImportJob(started.value.job));
    },
  );

  app.get(
    '/v1/seller/imports/:id',
    {
      onRequest: access.seller,
      schema: { ...seller, summary: "My import's progress and report", params: ImportIdParams, response: { 200: ImportJob, ...errorResponses } },
    },
    async (request, reply) => {
      const result = await shop.catalog.getImport(request.params.id, owner(request));
      return result.ok ? presentImportJob(result.value) : sendError(reply, result.error);
    },
  );
}
