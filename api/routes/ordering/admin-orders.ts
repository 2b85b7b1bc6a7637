import { FastifyInstance } from 'fastify';
import { RouteDeps } from '../../context-routes';
import { sendError } from '../../errors';
import { orderNoParam, pagingQuery } from '../../schemas';
import { presentOrderForAdmin } from './order-presenters';

/** Admins list orders and mark a manual order fulfilled. */
export async function adminOrderRoutes(app: FastifyInstance, opts: RouteDeps): Promise<void> {
  const { shop, auth } = opts;
  app.addHook('preHandler', auth.admin);

  app.get<{ Querystring: { status?: string; page?: string; pageSize?: string } }>(
    '/v1/admin/orders',
    { schema: { querystring: { type: 'object', additionalProperties: false, properties: { status: { type: 'string', maxLength: 32 }, ...pagingQuery } } } },
    async (request, reply) => {
      const { status, page, pageSize } = request.query;
      const result = await shop.ordering.listOrders({ status, page: page ? Number(page) : undefined, pageSize: pageSize ? Number(pageSize) : undefined });
      return result.ok ? { items: result.value.items.map((o) => presentOrderForAdmin(o)), total: result.value.total } : sendError(reply, result.error);
    },
  );

  app.post<{ Params: { orderNo: string }; Body: { note?: string } | undefined }>(
    '/v1/admin/orders/:orderNo/fulfil',
    {
      schema: {
        params: orderNoParam,
        body: { type: ['object', 'null'], additionalProperties: false, properties: { note: { type: 'string', maxLength: 500 } } },
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
