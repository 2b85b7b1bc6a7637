import { FastifyInstance } from 'fastify';
import { CategoryInput } from '../../../domain/catalog';
import { RouteDeps } from '../../context-routes';
import { sendError } from '../../errors';
import { errorSchema, idParam } from '../../schemas';
import { categoryListSchema, categorySchema, presentCategory, presentCategoryNode } from './category-presenters';

/** The category tree, parents before their children: what a shop front draws its menu from. */
export async function categoryRoutes(app: FastifyInstance, opts: RouteDeps): Promise<void> {
  const { shop } = opts;
  app.get('/v1/categories', { schema: { response: { 200: categoryListSchema } } }, async () => {
    const tree = await shop.catalog.listCategories();
    return { items: tree.map(presentCategoryNode) };
  });
}

const categoryProperties = {
  parentId: { type: ['integer', 'null'], minimum: 1 },
  slug: { type: 'string', minLength: 1, maxLength: 48 },
  name: { type: 'string', minLength: 1, maxLength: 80 },
  position: { type: 'integer', minimum: 0 },
} as const;

const createCategoryBody = { type: 'object', required: ['slug', 'name'], additionalProperties: false, properties: categoryProperties } as const;
const updateCategoryBody = { type: 'object', additionalProperties: false, minProperties: 1, properties: categoryProperties } as const;
const failures = { 400: errorSchema, 404: errorSchema, 409: errorSchema } as const;

/** Admins build the tree: a move or a new slug carries everything below along. */
export async function adminCategoryRoutes(app: FastifyInstance, opts: RouteDeps): Promise<void> {
  const { shop, auth } = opts;
  app.addHook('preHandler', auth.admin);

  app.post<{ Body: CategoryInput }>(
    '/v1/admin/categories',
    { schema: { body: createCategoryBody, response: { 201: categorySchema, ...failures } } },
    async (request, reply) => {
      const result = await shop.catalog.createCategory(request.body);
      return result.ok ? reply.code(201).send(presentCategory(result.value)) : sendError(reply, result.error);
    },
  );

  app.patch<{ Params: { id: string }; Body: CategoryInput }>(
    '/v1/admin/categories/:id',
    { schema: { params: idParam, body: updateCategoryBody, response: { 200: categorySchema, ...failures } } },
    async (request, reply) => {
      const result = await shop.catalog.updateCategory(Number(request.params.id), request.body);
      return result.ok ? presentCategory(result.value) : sendError(reply, result.error);
    },
  );
}
