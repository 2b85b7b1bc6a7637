import { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { FastifyInstance } from 'fastify';
import { RouteDeps } from '../../context-routes';
import { sendError } from '../../errors';
import { OrderNoParams, PagingQuery, SECURITY, errorResponses, paging } from '../../schemas/common';
import { AdminOrder, AdminOrderPage, OrderStatus, StuckOrderPage } from '../../schemas/ordering';
import { presentOrderForAdmin, presentStuckOrder } from './order-presenters';

/** Admins list orders (all, or the stuck ones) and mark a manual order fulfilled. */
export async function adminOrderRoutes(instance: FastifyInstance, opts: RouteDeps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { shop, access } = opts;
  const admin = { tags: ['admin'], security: SECURITY.admin };

  app.get(
    '/v1/admin/orders',
    {
      onRequest: access.admin,
      schema: {
        ...admin,
        summary: 'List orders, newest first',
        description: '50 a page by default, at most 200; optionally of one status.',
        querystring: Type.Object({ status: Type.Optional(OrderStatus), ...PagingQuery }, { additionalProperties: false }),
        response: { 200: AdminOrderPage, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await shop.ordering.listOrders({ status: request.query.status, ...paging(request.query) });
      if (!result.ok) return sendError(reply, result.error);
      return { ...result.value, items: result.value.items.map((o) => presentOrderForAdmin(o)) };
    },
  );

  app.get(
    '/v1/admin/orders/stuck',
    {
      onRequest: access.admin,
      schema: {
        ...admin,
        summary: 'Orders stuck on their way',
        description:
          'What the repairs have not moved on after `olderThanMinutes` (default 15): refunds still processing, paid orders not delivered (stuck, failing, awaiting an admin, never tried), unpaid orders never closed. 20 a page by default, at most 100.',
        querystring: Type.Object(
          { olderThanMinutes: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,5}$', description: 'a whole number of minutes from 1' })), ...PagingQuery },
          { additionalProperties: false },
        ),
        response: { 200: StuckOrderPage, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { olderThanMinutes } = request.query;
      const result = await shop.reporting.stuckOrders({
        olderThanMinutes: olderThanMinutes === undefined ? undefined : Number(olderThanMinutes),
        ...paging(request.query),
      });
      if (!result.ok) return sendError(reply, result.error);
      return { ...result.value, items: result.value.items.map(presentStuckOrder) };
    },
  );

  app.post(
    '/v1/admin/orders/:orderNo/fulfil',
    {
      onRequest: access.admin,
      schema: {
        ...admin,
        summary: 'Mark a manual order fulfilled',
        params: OrderNoParams,
        body: Type.Union([
          Type.Object({ note: Type.Optional(Type.String({ maxLength: 500, description: 'shown to the shopper' })) }, { additionalProperties: false }),
          Type.Null(),
        ]),
        response: { 200: Type.Object({ outcome: Type.String(), order: AdminOrder }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await shop.ordering.fulfilOrder(request.params.orderNo, request.body?.note?.trim() || null);
      if (!result.ok) return sendError(reply, result.error);
      const details = await shop.payment.getOrder(request.params.orderNo, null);
      return details.ok ? { outcome: result.value, order: presentOrderForAdmin(details.value.order, details.value) } : sendError(reply, details.error);
    },
  );
}
