import { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { FastifyInstance } from 'fastify';
import { shopperId } from '../../auth';
import { RouteDeps } from '../../context-routes';
import { sendError } from '../../errors';
import { ProductIdParams, SECURITY, errorResponses } from '../../schemas/common';

const AlertState = Type.Object({
  productId: Type.Integer(),
  waiting: Type.Boolean({ description: 'true: you will be told once when it is back in stock' }),
});

/** "Notify me" on a sold-out product, and taking it back. */
export async function restockAlertRoutes(instance: FastifyInstance, opts: RouteDeps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { shop, access } = opts;
  const shopper = { tags: ['catalog'], security: SECURITY.shopper };

  app.put(
    '/v1/products/:productId/restock-alert',
    {
      onRequest: access.shopper,
      schema: {
        ...shopper,
        summary: 'Tell me when this sold-out product is back',
        description: 'Once per return: one chat message when the stock comes back. 409 PRODUCT_IN_STOCK while it can be bought.',
        params: ProductIdParams,
        response: { 200: AlertState, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await shop.restock.notifyMe(shopperId(request), Number(request.params.productId));
      return result.ok ? result.value : sendError(reply, result.error);
    },
  );

  app.delete(
    '/v1/products/:productId/restock-alert',
    {
      onRequest: access.shopper,
      schema: { ...shopper, summary: 'Stop waiting for this product', params: ProductIdParams, response: { 200: AlertState, ...errorResponses } },
    },
    async (request, reply) => {
      const result = await shop.restock.cancelNotifyMe(shopperId(request), Number(request.params.productId));
      return result.ok ? result.value : sendError(reply, result.error);
    },
  );
}
