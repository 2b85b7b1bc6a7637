import { FastifyInstance } from 'fastify';
import { shopperId } from '../../auth';
import { RouteDeps } from '../../context-routes';
import { sendError } from '../../errors';
import { presentCart } from './order-presenters';
import { productIdParam, quantityItem } from '../../schemas';

export async function cartRoutes(app: FastifyInstance, opts: RouteDeps): Promise<void> {
  const { shop, auth } = opts;
  const shopper = { preHandler: auth.shopper };

  app.get('/v1/cart', shopper, async (request) => presentCart(await shop.ordering.viewCart(shopperId(request))));

  app.post<{ Body: { productId: number; quantity: number } }>('/v1/cart/items', { ...shopper, schema: { body: quantityItem } }, async (request, reply) => {
    const result = await shop.ordering.addToCart(shopperId(request), request.body.productId, request.body.quantity);
    return result.ok ? presentCart(result.value) : sendError(reply, result.error);
  });

  app.put<{ Params: { productId: string }; Body: { quantity: number } }>(
    '/v1/cart/items/:productId',
    {
      ...shopper,
      schema: {
        params: productIdParam,
        body: { type: 'object', required: ['quantity'], additionalProperties: false, properties: { quantity: { type: 'integer', minimum: 1 } } },
      },
    },
    async (request, reply) => {
      const result = await shop.ordering.setCartQuantity(shopperId(request), Number(request.params.productId), request.body.quantity);
      return result.ok ? presentCart(result.value) : sendError(reply, result.error);
    },
  );

  app.delete<{ Params: { productId: string } }>('/v1/cart/items/:productId', { ...shopper, schema: { params: productIdParam } }, async (request, reply) => {
    const result = await shop.ordering.removeFromCart(shopperId(request), Number(request.params.productId));
    return result.ok ? presentCart(result.value) : sendError(reply, result.error);
  });

  app.delete('/v1/cart', shopper, async (request) => presentCart(await shop.ordering.clearCart(shopperId(request))));
}
