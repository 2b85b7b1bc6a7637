import { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { FastifyInstance } from 'fastify';
import { RouteDeps } from '../../context-routes';
import { sendError } from '../../errors';
import { SECURITY, errorResponses } from '../../schemas/common';
import { AssignBody, StaffReplyBody, Ticket, TicketIdParams, TicketList, TicketListQuery, TicketMessage, TicketWithHistory } from '../../schemas/support';
import { listQuery, presentHistory, presentMessage, presentTicket } from './ticket-presenters';

/** The admin API key speaks for staff as `api` (shown to shoppers as "Support"). */
const API_STAFF = { staffId: 'api', name: 'Support' };

/** Staff: every ticket by status, its history, replies, assignment, closing and reopening. */
export async function adminTicketRoutes(instance: FastifyInstance, opts: RouteDeps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { shop, access } = opts;
  const admin = { tags: ['admin', 'support'], security: SECURITY.admin };
  const ticketId = (params: { ticketId: string }): number => Number(params.ticketId);

  app.get(
    '/v1/admin/support/tickets',
    {
      onRequest: access.admin,
      schema: { ...admin, summary: 'Tickets, newest first, by status', querystring: TicketListQuery, response: { 200: TicketList, ...errorResponses } },
    },
    async (request, reply) => {
      const result = await shop.support.listTickets(listQuery(request.query));
      return result.ok ? { items: result.value.map(presentTicket) } : sendError(reply, result.error);
    },
  );

  app.get(
    '/v1/admin/support/tickets/:ticketId',
    {
      onRequest: access.admin,
      schema: { ...admin, summary: 'A ticket with its whole conversation', params: TicketIdParams, response: { 200: TicketWithHistory, ...errorResponses } },
    },
    async (request, reply) => {
      const result = await shop.support.getTicket(ticketId(request.params), null);
      return result.ok ? presentHistory(result.value) : sendError(reply, result.error);
    },
  );

  app.post(
    '/v1/admin/support/tickets/:ticketId/replies',
    {
      onRequest: access.admin,
      schema: {
        ...admin,
        summary: 'Reply to the shopper',
        description: 'Stored at once; relayed to the shopper’s chat through the outbox (and mailed once the shop has an e-mail channel).',
        params: TicketIdParams,
        body: StaffReplyBody,
        response: { 201: TicketMessage, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await shop.support.replyToTicket({
        ticketId: ticketId(request.params),
        ...API_STAFF,
        staffName: API_STAFF.name,
        content: { kind: 'text', text: request.body.text },
        ...(request.body.awaitShopper !== undefined ? { awaitShopper: request.body.awaitShopper } : {}),
      });
      return result.ok ? reply.code(201).send(presentMessage(result.value.message)) : sendError(reply, result.error);
    },
  );

  app.post(
    '/v1/admin/support/tickets/:ticketId/assign',
    {
      onRequest: access.admin,
      schema: {
        ...admin,
        summary: 'Give the ticket to an admin (or to nobody)',
        params: TicketIdParams,
        body: AssignBody,
        response: { 200: Ticket, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await shop.support.assignTicket(ticketId(request.params), request.body.assignee, API_STAFF);
      return result.ok ? presentTicket(result.value) : sendError(reply, result.error);
    },
  );

  app.post(
    '/v1/admin/support/tickets/:ticketId/close',
    {
      onRequest: access.admin,
      schema: { ...admin, summary: 'Close the ticket (the shopper is told)', params: TicketIdParams, response: { 200: Ticket, ...errorResponses } },
    },
    async (request, reply) => {
      const result = await shop.support.closeTicket(ticketId(request.params), { role: 'staff', ...API_STAFF });
      return result.ok ? presentTicket(result.value) : sendError(reply, result.error);
    },
  );

  app.post(
    '/v1/admin/support/tickets/:ticketId/reopen',
    { onRequest: access.admin, schema: { ...admin, summary: 'Reopen a closed ticket', params: TicketIdParams, response: { 200: Ticket, ...errorResponses } } },
    async (request, reply) => {
      const result = await shop.support.reopenTicket(ticketId(request.params), API_STAFF.staffId, API_STAFF.name);
      return result.ok ? presentTicket(result.value) : sendError(reply, result.error);
    },
  );
}
