import { FastifyInstance } from 'fastify';
import { RouteDeps } from '../../context-routes';
import { sendError } from '../../errors';
import { orderNoParam } from '../../schemas';
import { presentOrderForAdmin } from '../ordering/order-presenters';

/** Admins refund an order, fully or partly (optional Idempotency-Key). */
export async function adminRefundRoutes(app: FastifyInstance, opts: RouteDeps): Promise<void> {
  const { shop, auth } = opts;
  app.addHook('preHandler', auth.admin);

  app.post<{ Params: { orderNo: string }; Body: { amount?: number; reason?: string } }>(
    '/v1/admin/orders/:orderNo/refunds',
    {
      schema: {
        params: orderNoParam,
        body: {
          type: 'object',
          additionalProperties: false,
          properties: { amount: { type: 'integer', minimum: 1 }, reason: { type: 'string', minLength: 1, maxLength: 80 } },
        },
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      const result = await shop.payment.refundOrder({
        orderNo: request.params.orderNo,
        amount: request.body.amount,
        reason: request.body.reason ?? 'refund',
        requestId: typeof key === 'string' && key.length > 0 ? key : undefined,
      });
      if (!result.ok) return sendError(reply, result.error);
      const r = result.value;
      const details = await shop.payment.getOrder(request.params.orderNo, null);
      return reply.code(201).send({
        refund: {
          outRefundNo: r.outRefundNo,
          amount: { amount: r.amount, currency: r.currency },
          status: r.status,
          reason: r.reason,
          createdAt: r.createdAt.toISOString(),
        },
        order: details.ok ? presentOrderForAdmin(details.value.order, details.value) : null,
      });
    },
  );
}
