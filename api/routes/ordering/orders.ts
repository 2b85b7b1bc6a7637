import { FastifyInstance } from 'fastify';
import { shopperId } from '../../auth';
import { RouteDeps } from '../../context-routes';
import { sendError } from '../../errors';
import { orderNoParam, pagingQuery } from '../../schemas';
import { presentOrder, presentOrderForAdmin } from './order-presenters';

/** A shopper's orders (an admin may look at any). */
export async function orderRoutes(app: FastifyInstance, opts: RouteDeps): Promise<void> {
  const { shop, auth } = opts;

  app.get<{ Querystring: { page?: string; pageSize?: string } }>(
    '/v1/orders',
    { preHandler: auth.shopper, schema: { querystring: { type: 'object', additionalProperties: false, properties: pagingQuery } } },
    async (request, reply) => {
      const { page, pageSize } = request.query;
      const result = await shop.ordering.listMyOrders(shopperId(request), {
        page: page ? Number(page) : undefined,
        pageSize: pageSize ? Number(pageSize) : undefined,
      });
      if (!result.ok) return sendError(reply, result.error);
      return { ...result.value, items: result.value.items.map((o) => presentOrder(o)) };
    },
  );

  app.get<{ Params: { orderNo: string } }>(
    '/v1/orders/:orderNo',
    { preHandler: auth.shopperOrAdmin, schema: { params: orderNoParam } },
    async (request, reply) => {
      const viewer = request.isAdmin ? null : shopperId(request);
      const result = await shop.payment.getOrder(request.params.orderNo, viewer);
      if (!result.ok) return sendError(reply, result.error);
      return request.isAdmin ? presentOrderForAdmin(result.value.order, result.value) : presentOrder(result.value.order, result.value);
    },
  );
}
