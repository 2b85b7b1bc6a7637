import { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { FastifyInstance } from 'fastify';
import { shopperId } from '../../auth';
import { RouteDeps } from '../../context-routes';
import { sendError } from '../../errors';
import { Nullable, SECURITY, errorResponses } from '../../schemas/common';
import { ShippingAddress } from '../../schemas/marketplace';

/** GET / PUT /v1/account/address: the shopper's saved shipping address (a checkout uses it when it names none). */
export async function shippingAddressRoutes(instance: FastifyInstance, opts: RouteDeps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { shop, access } = opts;
  const shopper = { tags: ['account'], security: SECURITY.shopper };
  app.get(
    '/v1/account/address',
    {
      onRequest: access.shopper,
      schema: {
        ...shopper,
        summary: 'My saved shipping address',
        response: { 200: Type.Object({ address: Nullable(ShippingAddress) }, { description: 'address null: none saved yet' }), ...errorResponses },
      },
    },
    async (request) => ({ address: await shop.account.getShippingAddress(shopperId(request)) }),
  );
  app.put(
    '/v1/account/address',
    {
      onRequest: access.shopper,
      schema: { ...shopper, summary: 'Save my shipping address', body: ShippingAddress, response: { 200: ShippingAddress, ...errorResponses } },
    },
    async (request, reply) => {
      const saved = await shop.account.saveShippingAddress(shopperId(request), request.body);
      if (!saved.ok) return sendError(reply, saved.error);
      return saved.value;
    },
  );
}
