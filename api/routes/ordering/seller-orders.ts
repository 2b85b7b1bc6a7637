import { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { FastifyInstance } from 'fastify';
import { RouteDeps } from '../../context-routes';
import { sendError } from '../../errors';
import { IdParams, OrderNoParams, PagingQuery, SECURITY, errorResponses, paging } from '../../schemas/common';
import { CancelBody, DeliveryOption, DeliveryOptionList, FulfilBody, NewDeliveryOption, ShipBody } from '../../schemas/marketplace';
import { Order, OrderPage, OrderStatus } from '../../schemas/ordering';
import { presentDeliveryOption } from './delivery-option-presenters';
import { presentOrder } from './order-presenters';
import { sellerIdOf } from './seller-access';

/**
 * A seller's side of their orders and delivery options. Another seller's order number, guessed or forged, is 404
 * and changes nothing (the use cases look only among the caller's own).
 */
export async function sellerOrderRoutes(instance: FastifyInstance, opts: RouteDeps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { shop, access } = opts;
  const seller = { tags: ['seller'], security: SECURITY.shopper };

  app.get(
    '/v1/seller/orders',
    {
      onRequest: access.shopper,
      schema: {
        ...seller,
        summary: 'My shop’s orders (paid onwards), newest first',
        querystring: Type.Object({ ...PagingQuery, status: Type.Optional(OrderStatus) }, { additionalProperties: false }),
        response: { 200: OrderPage, ...errorResponses },
      },
    },
    async (request, reply) => {
      const sellerId = await sellerIdOf(opts, request, reply);
      if (sellerId === null) return reply;
      const result = await shop.ordering.listSellerOrders(sellerId, { ...paging(request.query), status: request.query.status });
      if (!result.ok) return sendError(reply, result.error);
      return { ...result.value, items: result.value.items.map((o) => presentOrder(o)) };
    },
  );

  app.get(
    '/v1/seller/orders/:orderNo',
    {
      onRequest: access.shopper,
      schema: { ...seller, summary: 'One of my shop’s orders', params: OrderNoParams, response: { 200: Order, ...errorResponses } },
    },
    async (request, reply) => {
      const sellerId = await sellerIdOf(opts, request, reply);
      if (sellerId === null) return reply;
      const found = await shop.ordering.getSellerOrder(sellerId, request.params.orderNo);
      if (!found.ok) return sendError(reply, found.error);
      return presentOrder(found.value);
    },
  );

  app.post(
    '/v1/seller/orders/:orderNo/confirm',
    {
      onRequest: access.shopper,
      schema: {
        ...seller,
        summary: 'Confirm a paid order waiting for me',
        description:
          'AWAITING_SELLER → PAID: digital goods are delivered now; physical ones wait for `ship`. Exactly one of a confirm and the window job wins.',
        params: OrderNoParams,
        response: { 200: Order, ...errorResponses },
      },
    },
    async (request, reply) => {
      const sellerId = await sellerIdOf(opts, request, reply);
      if (sellerId === null) return reply;
      const confirmed = await shop.ordering.confirmSellerOrder(sellerId, request.params.orderNo);
      if (!confirmed.ok) return sendError(reply, confirmed.error);
      return presentOrder(confirmed.value);
    },
  );

  app.post(
    '/v1/seller/orders/:orderNo/cancel',
    {
      onRequest: access.shopper,
      schema: {
        ...seller,
        summary: 'Cancel a paid order not yet handed over: the shopper gets exactly its amount back',
        description:
          'Body `{}` or `{ "reason": "…" }` (the shopper is told it). Refunded through the provider as a part of the checkout\'s one payment, or to the credit balance; its stock goes back.',
        params: OrderNoParams,
        body: CancelBody,
        response: { 200: Order, ...errorResponses },
      },
    },
    async (request, reply) => {
      const sellerId = await sellerIdOf(opts, request, reply);
      if (sellerId === null) return reply;
      const cancelled = await shop.payment.cancelSellerOrder(sellerId, request.params.orderNo, request.body.reason);
      if (!cancelled.ok) return sendError(reply, cancelled.error);
      return presentOrder(cancelled.value);
    },
  );

  app.post(
    '/v1/seller/orders/:orderNo/ship',
    {
      onRequest: access.shopper,
      schema: {
        ...seller,
        summary: 'Mark a confirmed physical order shipped',
        params: OrderNoParams,
        body: ShipBody,
        response: { 200: Order, ...errorResponses },
      },
    },
    async (request, reply) => {
      const sellerId = await sellerIdOf(opts, request, reply);
      if (sellerId === null) return reply;
      const shipped = await shop.ordering.shipSellerOrder(sellerId, request.params.orderNo, request.body);
      if (!shipped.ok) return sendError(reply, shipped.error);
      return presentOrder(shipped.value);
    },
  );

  app.post(
    '/v1/seller/orders/:orderNo/fulfil',
    {
      onRequest: access.shopper,
      schema: {
        ...seller,
        summary: 'Mark a confirmed order of goods I hand over myself (kind manual) fulfilled',
        description:
          'PAID → DELIVERED: the order completes and its amount less commission is credited to my balance; the shopper is told. Physical goods complete by `ship` and the receipt instead (409).',
        params: OrderNoParams,
        body: FulfilBody,
        response: { 200: Type.Object({ outcome: Type.String(), order: Order }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const sellerId = await sellerIdOf(opts, request, reply);
      if (sellerId === null) return reply;
      const fulfilled = await shop.ordering.fulfilSellerOrder(sellerId, request.params.orderNo, request.body?.note);
      if (!fulfilled.ok) return sendError(reply, fulfilled.error);
      return { outcome: fulfilled.value.outcome, order: presentOrder(fulfilled.value.order) };
    },
  );

  app.get(
    '/v1/seller/delivery-options',
    { onRequest: access.shopper, schema: { ...seller, summary: 'My shop’s delivery options', response: { 200: DeliveryOptionList, ...errorResponses } } },
    async (request, reply) => {
      const sellerId = await sellerIdOf(opts, request, reply);
      if (sellerId === null) return reply;
      const currency = shop.ordering.currency();
      return { items: (await shop.ordering.listDeliveryOptions(sellerId)).map((o) => presentDeliveryOption(o, currency)) };
    },
  );

  app.post(
    '/v1/seller/delivery-options',
    {
      onRequest: access.shopper,
      schema: { ...seller, summary: 'Add a delivery option', body: NewDeliveryOption, response: { 201: DeliveryOption, ...errorResponses } },
    },
    async (request, reply) => {
      const sellerId = await sellerIdOf(opts, request, reply);
      if (sellerId === null) return reply;
      const added = await shop.ordering.addDeliveryOption(sellerId, request.body);
      if (!added.ok) return sendError(reply, added.error);
      return reply.code(201).send(presentDeliveryOption(added.value, shop.ordering.currency()));
    },
  );

  app.delete(
    '/v1/seller/delivery-options/:id',
    {
      onRequest: access.shopper,
      schema: {
        ...seller,
        summary: 'Withdraw a delivery option (orders that chose it keep it)',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const sellerId = await sellerIdOf(opts, request, reply);
      if (sellerId === null) return reply;
      const removed = await shop.ordering.removeDeliveryOption(sellerId, Number(request.params.id));
      if (!removed.ok) return sendError(reply, removed.error);
      return reply.code(204).send(null);
    },
  );
}
