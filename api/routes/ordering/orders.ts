import { FastifyInstance } from 'fastify';
import { shopperId } from '../../auth';
import { RouteDeps } from '../../context-routes';
import { sendError } from '../../errors';
import { orderNoParam } from '../../schemas';
import { presentOrder, presentOrderForAdmin } from './order-presenters';

/** A shopper's orders (an admin may look at any). */
export async function orderRoutes(app: FastifyInstance, opts: RouteDeps): Promise<void> {
  const { shop, auth } = opts;

  app.get('/v1/orders', { preHandler: auth.shopper }, async (request) => {
    const orders = await shop.ordering.listMyOrders(shopperId(request));
    // The codes bought are part of what a shopper looks for in the list, not only behind each order.
    const codes = await shop.ordering.deliveredCodesFor(orders);
    return { items: orders.map((o) => presentOrder(o, undefined, codes.get(o.orderNo))) };
  });

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
