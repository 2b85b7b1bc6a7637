import { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { FastifyInstance } from 'fastify';
import { RouteDeps } from '../../context-routes';
import { sendError } from '../../errors';
import { Category, CategoryTree, CreateCategoryBody, UpdateCategoryBody } from '../../schemas/catalog';
import { IdParams, SECURITY, errorResponses } from '../../schemas/common';
import { presentCategory, presentCategoryNode } from './category-presenters';

/** The category tree, parents before their children: what a shop front draws its menu from. */
export async function categoryRoutes(instance: FastifyInstance, opts: RouteDeps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { shop } = opts;
  app.get('/v1/categories', { schema: { tags: ['catalog'], summary: 'The category tree', response: { 200: CategoryTree, ...errorResponses } } }, async () => ({
    items: (await shop.catalog.listCategories()).map(presentCategoryNode),
  }));
}

/** Admins build the tree: a move or a new slug carries everything below along. */
export async function adminCategoryRoutes(instance: FastifyInstance, opts: RouteDeps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { shop, access } = opts;
  const admin = { tags: ['admin'], security: SECURITY.admin };

  app.post(
    '/v1/admin/categories',
    {
      onRequest: access.admin,
      schema: { ...admin, summary: 'Create a category', body: CreateCategoryBody, response: { 201: Category, ...errorResponses } },
    },
    async (request, reply) => {
      const result = await shop.catalog.createCategory(request.body);
      return result.ok ? reply.code(201).send(presentCategory(result.value)) : sendError(reply, result.error);
    },
  );

  app.patch(
    '/v1/admin/categories/:id',
    {
      onRequest: access.admin,
      schema: {
        ...admin,
        summary: 'Rename, reorder or move a category',
        description: 'A new parent or slug rewrites the paths of everything below it in the same transaction.',
        params: IdParams,
        body: UpdateCategoryBody,
        response: { 200: Category, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await shop.catalog.updateCategory(Number(request.params.id), request.body);
      return result.ok ? presentCategory(result.value) : sendError(reply, result.error);
    },
  );
}
