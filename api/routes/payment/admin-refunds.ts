import { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { FastifyInstance } from 'fastify';
import { RouteDeps } from '../../context-routes';
import { sendError } from '../../errors';
import { DateTime, IdempotencyKeyHeader, Money, Nullable, OrderNoParams, SECURITY, errorResponses } from '../../schemas/common';
import { AdminOrder } from '../../schemas/ordering';
import { presentOrderForAdmin } from '../ordering/order-presenters';

const RefundBody = Type.Object(
  {
    amount: Type.Optional(
      Type.Integer({ minimum: 1, description: 'minor units; omit for everything still refundable (an undelivered order is refunded whole)' }),
    ),
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
  },
  { additionalProperties: false, examples: [{ amount: 500, reason: 'scratched' }] },
);

const RefundReply = Type.Object({
  refund: Type.Object({ outRefundNo: Type.String(), amount: Money, status: Type.String(), reason: Type.String(), createdAt: DateTime() }),
  order: Nullable(AdminOrder),
});

/** Admins refund an order, fully or partly (optional Idempotency-Key). */
export async function adminRefundRoutes(instance: FastifyInstance, opts: RouteDeps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { shop, access } = opts;

  app.post(
    '/v1/admin/orders/:orderNo/refunds',
    {
      onRequest: access.admin,
      schema: {
        tags: ['admin'],
        security: SECURITY.admin,
        summary: 'Refund an order, whole or in part',
        description: 'Through the provider the order was paid with (or back to the credit balance). The same Idempotency-Key refunds once.',
        params: OrderNoParams,
        headers: IdempotencyKeyHeader,
        body: RefundBody,
        response: { 201: RefundReply, ...errorResponses },
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
