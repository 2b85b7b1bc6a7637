import { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { FastifyInstance } from 'fastify';
import { shopperId } from '../../auth';
import { RouteDeps } from '../../context-routes';
import { sendError } from '../../errors';
import { OrderNoParams, SECURITY, errorResponses } from '../../schemas/common';
import { Order } from '../../schemas/ordering';
import { presentOrder } from './order-presenters';

/** POST /v1/orders/:orderNo/received: the shopper got a shipped order (it completes; its seller is paid). */
export async function receiptRoutes(instance: FastifyInstance, opts: RouteDeps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { shop, access } = opts;
  app.post(
    '/v1/orders/:orderNo/received',
    {
      onRequest: access.shopper,
      schema: {
        tags: ['orders'],
        security: SECURITY.shopper,
        summary: 'Confirm a shipped order arrived',
        description: "SHIPPED → DELIVERED. Unconfirmed, it completes by itself after its delivery option's days plus a grace period.",
        params: OrderNoParams,
        response: { 200: Order, ...errorResponses },
      },
    },
    async (request, reply) => {
      const received = await shop.ordering.confirmReceipt(shopperId(request), request.params.orderNo);
      if (!received.ok) return sendError(reply, received.error);
      return presentOrder(received.value);
    },
  );
}
