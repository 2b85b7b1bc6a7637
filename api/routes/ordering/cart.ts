import { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { FastifyInstance } from 'fastify';
import { shopperId } from '../../auth';
import { RouteDeps } from '../../context-routes';
import { sendError } from '../../errors';
import { ProductIdParams, SECURITY, errorResponses } from '../../schemas/common';
import { Cart, QuantityItem } from '../../schemas/ordering';
import { presentCart } from './order-presenters';

export async function cartRoutes(instance: FastifyInstance, opts: RouteDeps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { shop, access } = opts;
  const shopper = { tags: ['cart'], security: SECURITY.shopper, response: { 200: Cart, ...errorResponses } };

  app.get('/v1/cart', { onRequest: access.shopper, schema: { ...shopper, summary: 'My cart' } }, async (request) =>
    presentCart(await shop.ordering.viewCart(shopperId(request))),
  );

  app.post(
    '/v1/cart/items',
    { onRequest: access.shopper, schema: { ...shopper, summary: 'Add to my cart', description: 'Adds to the quantity already there.', body: QuantityItem } },
    async (request, reply) => {
      const result = await shop.ordering.addToCart(shopperId(request), request.body.productId, request.body.quantity);
      return result.ok ? presentCart(result.value) : sendError(reply, result.error);
    },
  );

  app.put(
    '/v1/cart/items/:productId',
    {
      onRequest: access.shopper,
      schema: {
        ...shopper,
        summary: 'Set the quantity of a cart line',
        params: ProductIdParams,
        body: Type.Object({ quantity: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      const result = await shop.ordering.setCartQuantity(shopperId(request), Number(request.params.productId), request.body.quantity);
      return result.ok ? presentCart(result.value) : sendError(reply, result.error);
    },
  );

  app.delete(
    '/v1/cart/items/:productId',
    { onRequest: access.shopper, schema: { ...shopper, summary: 'Remove a cart line', params: ProductIdParams } },
    async (request, reply) => {
      const result = await shop.ordering.removeFromCart(shopperId(request), Number(request.params.productId));
      return result.ok ? presentCart(result.value) : sendError(reply, result.error);
    },
  );

  app.delete('/v1/cart', { onRequest: access.shopper, schema: { ...shopper, summary: 'Empty my cart' } }, async (request) =>
    presentCart(await shop.ordering.clearCart(shopperId(request))),
  );
}
