import { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { FastifyInstance } from 'fastify';
import { sellerOf, shopperId } from '../../auth';
import { RouteDeps } from '../../context-routes';
import { sendError } from '../../errors';
import { SECURITY, errorResponses } from '../../schemas/common';
import { TicketIdParams, TicketList, TicketListQuery, TicketMessage, TicketMessageBody, TicketWithHistory } from '../../schemas/support';
import { listQuery, presentHistory, presentMessage, presentTicket } from './ticket-presenters';

/**
 * A seller's side of the desk: the tickets shoppers opened about the seller's own orders, with their history, and
 * the seller's replies. Any other ticket id, guessed or forged, is 404 (the use cases look only among their own).
 */
export async function sellerTicketRoutes(instance: FastifyInstance, opts: RouteDeps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { shop, access } = opts;
  const seller = { tags: ['seller'], security: SECURITY.shopper };

  app.get(
    '/v1/seller/support/tickets',
    {
      onRequest: access.seller,
      schema: {
        ...seller,
        summary: 'Tickets about my shop’s orders, newest first',
        querystring: TicketListQuery,
        response: { 200: TicketList, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { beforeId, limit } = listQuery(request.query);
      const result = await shop.support.listSellerTickets(sellerOf(request).id, {
        ...(beforeId !== undefined ? { beforeId } : {}),
        ...(limit !== undefined ? { limit } : {}),
      });
      return result.ok ? { items: result.value.map(presentTicket) } : sendError(reply, result.error);
    },
  );

  app.get(
    '/v1/seller/support/tickets/:ticketId',
    {
      onRequest: access.seller,
      schema: {
        ...seller,
        summary: 'A ticket about one of my orders, with its conversation',
        params: TicketIdParams,
        response: { 200: TicketWithHistory, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await shop.support.getSellerTicket(Number(request.params.ticketId), sellerOf(request).id);
      return result.ok ? presentHistory(result.value) : sendError(reply, result.error);
    },
  );

  app.post(
    '/v1/seller/support/tickets/:ticketId/messages',
    {
      onRequest: access.seller,
      schema: {
        ...seller,
        summary: 'Answer a ticket about one of my orders',
        description: 'Stored with the author role `seller` and relayed to the shopper; the ticket is then answered.',
        params: TicketIdParams,
        body: TicketMessageBody,
        response: { 201: TicketMessage, ...errorResponses },
      },
    },
    async (request, reply) => {
      const me = sellerOf(request);
      const result = await shop.support.replyAsSeller({
        ticketId: Number(request.params.ticketId),
        seller: { sellerId: me.id, telegramUserId: shopperId(request), shopName: me.shopName },
        content: { kind: 'text', text: request.body.text },
      });
      return result.ok ? reply.code(201).send(presentMessage(result.value.message)) : sendError(reply, result.error);
    },
  );
}
