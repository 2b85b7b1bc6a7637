import { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { FastifyInstance } from 'fastify';
import { shopperId } from '../../auth';
import { RouteDeps } from '../../context-routes';
import { sendError } from '../../errors';
import { OrderNoParams, PagingQuery, SECURITY, errorResponses, paging } from '../../schemas/common';
import { AdminOrder, Order, OrderPage } from '../../schemas/ordering';
import { presentOrder, presentOrderForAdmin } from './order-presenters';

/** A shopper's orders (an admin may look at any). */
export async function orderRoutes(instance: FastifyInstance, opts: RouteDeps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { shop, access } = opts;

  app.get(
    '/v1/orders',
    {
      onRequest: access.shopper,
      schema: {
        tags: ['orders'],
        security: SECURITY.shopper,
        summary: 'My orders, newest first',
        description: '20 a page by default, at most 100.',
        querystring: Type.Object(PagingQuery, { additionalProperties: false }),
        response: { 200: OrderPage, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await shop.ordering.listMyOrders(shopperId(request), paging(request.query));
      if (!result.ok) return sendError(reply, result.error);
      // The codes bought are part of what a shopper looks for in the list, not only behind each order.
      const codes = await shop.ordering.deliveredCodesFor(result.value.items);
      return { ...result.value, items: result.value.items.map((o) => presentOrder(o, undefined, codes.get(o.orderNo))) };
    },
  );

  app.get(
    '/v1/orders/:orderNo',
    {
      onRequest: access.shopperOrAdmin,
      schema: {
        tags: ['orders'],
        security: SECURITY.shopperOrAdmin,
        summary: 'One order',
        description: 'A shopper sees their own (anyone else’s is 404); an admin sees any, with the delivery bookkeeping and payments.',
        params: OrderNoParams,
        response: { 200: Type.Union([AdminOrder, Order]), ...errorResponses },
      },
    },
    async (request, reply) => {
      const viewer = request.isAdmin ? null : shopperId(request);
      const result = await shop.payment.getOrder(request.params.orderNo, viewer);
      if (!result.ok) return sendError(reply, result.error);
      return request.isAdmin ? presentOrderForAdmin(result.value.order, result.value) : presentOrder(result.value.order, result.value);
    },
  );
}
