import { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { FastifyInstance } from 'fastify';
import { RouteDeps } from '../../context-routes';
import { IdParams, errorResponses } from '../../schemas/common';
import { DeliveryOptionList } from '../../schemas/marketplace';
import { presentDeliveryOption } from './delivery-option-presenters';

/** GET /v1/sellers/:id/delivery-options: what a shopper picks from for that seller's physical goods. */
export async function deliveryOptionRoutes(instance: FastifyInstance, opts: RouteDeps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { shop } = opts;
  app.get(
    '/v1/sellers/:id/delivery-options',
    {
      schema: {
        tags: ['checkouts'],
        summary: "A seller's delivery options, cheapest first",
        params: IdParams,
        response: { 200: DeliveryOptionList, ...errorResponses },
      },
    },
    async (request) => {
      const currency = shop.ordering.currency();
      const items = await shop.ordering.listDeliveryOptions(Number(request.params.id));
      return { items: items.map((o) => presentDeliveryOption(o, currency)) };
    },
  );
}
