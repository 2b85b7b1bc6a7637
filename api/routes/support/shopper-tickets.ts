import { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { FastifyInstance, FastifyRequest } from 'fastify';
import { shopperId } from '../../auth';
import { RouteDeps } from '../../context-routes';
import { sendError } from '../../errors';
import { SECURITY, errorResponses } from '../../schemas/common';
import {
  OpenTicketBody,
  Ticket,
  TicketIdParams,
  TicketList,
  TicketListQuery,
  TicketMessage,
  TicketMessageBody,
  TicketWithHistory,
} from '../../schemas/support';
import { listQuery, presentHistory, presentMessage, presentTicket } from './ticket-presenters';

const nameOf = (request: FastifyRequest): string | null => request.shopper?.firstName ?? null;

/** A shopper's own tickets: list, open (or get back the open one), read with history, write, close. */
export async function shopperTicketRoutes(instance: FastifyInstance, opts: RouteDeps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { shop, access } = opts;
  const shopper = { tags: ['support'], security: SECURITY.shopper };

  app.get(
    '/v1/support/tickets',
    {
      onRequest: access.shopper,
      schema: { ...shopper, summary: 'My tickets, newest first', querystring: TicketListQuery, response: { 200: TicketList, ...errorResponses } },
    },
    async (request, reply) => {
      const result = await shop.support.listTickets({ userId: shopperId(request), ...listQuery(request.query) });
      return result.ok ? { items: result.value.map(presentTicket) } : sendError(reply, result.error);
    },
  );

  app.post(
    '/v1/support/tickets',
    {
      onRequest: access.shopper,
      schema: {
        ...shopper,
        summary: 'Open a ticket (optionally about one of my orders, optionally with a first message)',
        description: 'One ticket is open at a time: while one is, this answers 200 with it (and adds the text to it) instead of 201.',
        body: OpenTicketBody,
        response: { 200: Ticket, 201: Ticket, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { orderNo, text } = request.body;
      const result = await shop.support.openTicket({
        userId: shopperId(request),
        authorName: nameOf(request),
        ...(orderNo !== undefined ? { orderNo } : {}),
        ...(text !== undefined ? { message: { kind: 'text', text } } : {}),
      });
      if (!result.ok) return sendError(reply, result.error);
      return reply.code(result.value.created ? 201 : 200).send(presentTicket(result.value.ticket));
    },
  );

  app.get(
    '/v1/support/tickets/:ticketId',
    {
      onRequest: access.shopper,
      schema: {
        ...shopper,
        summary: 'One of my tickets with its whole conversation',
        params: TicketIdParams,
        response: { 200: TicketWithHistory, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await shop.support.getTicket(Number(request.params.ticketId), shopperId(request));
      return result.ok ? presentHistory(result.value) : sendError(reply, result.error);
    },
  );

  app.post(
    '/v1/support/tickets/:ticketId/messages',
    {
      onRequest: access.shopper,
      schema: {
        ...shopper,
        summary: 'Write to support in one of my tickets',
        description: 'Stored at once and relayed to staff through the outbox (kept and sent later while Telegram is unreachable).',
        params: TicketIdParams,
        body: TicketMessageBody,
        response: { 201: TicketMessage, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await shop.support.postShopperMessage({
        userId: shopperId(request),
        authorName: nameOf(request),
        ticketId: Number(request.params.ticketId),
        content: { kind: 'text', text: request.body.text },
      });
      return result.ok ? reply.code(201).send(presentMessage(result.value.message)) : sendError(reply, result.error);
    },
  );

  app.post(
    '/v1/support/tickets/:ticketId/close',
    { onRequest: access.shopper, schema: { ...shopper, summary: 'Close my ticket', params: TicketIdParams, response: { 200: Ticket, ...errorResponses } } },
    async (request, reply) => {
      const result = await shop.support.closeTicket(Number(request.params.ticketId), { role: 'shopper', userId: shopperId(request), name: nameOf(request) });
      return result.ok ? presentTicket(result.value) : sendError(reply, result.error);
    },
  );
}
