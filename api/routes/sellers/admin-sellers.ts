import { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { FastifyInstance } from 'fastify';
import { SELLER_DECISIONS, SellerDecision } from '../../../domain/sellers';
import { RouteDeps } from '../../context-routes';
import { sendError } from '../../errors';
import { PagingQuery, SECURITY, errorResponses, paging } from '../../schemas/common';
import {
  BalanceQuery,
  CreateSellerBody,
  Payout,
  PayoutPage,
  PayoutPaidBody,
  PayoutParams,
  PayoutQuery,
  Seller,
  SellerBalance,
  SellerDebt,
  SellerIdParams,
  SellerPage,
  SellerStatusQuery,
  SellerTermsBody,
} from '../../schemas/sellers';
import { presentBalance, presentPayout, presentSeller } from './seller-presenters';

const DECISIONS = Object.keys(SELLER_DECISIONS) as SellerDecision[];

/** Admins run the marketplace: make and decide on shops, set their terms, see their money, record payouts. */
export async function adminSellerRoutes(instance: FastifyInstance, opts: RouteDeps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { shop, access } = opts;
  const admin = { tags: ['admin'], security: SECURITY.admin };
  const present = (s: Parameters<typeof shop.sellers.effectiveTerms>[0]) => presentSeller(s, shop.sellers.effectiveTerms(s));

  app.get(
    '/v1/admin/sellers',
    {
      onRequest: access.admin,
      schema: {
        ...admin,
        summary: 'List shops (by status: pending ones are applications)',
        querystring: Type.Composite([SellerStatusQuery, Type.Object(PagingQuery)], { additionalProperties: false }),
        response: { 200: SellerPage, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { status } = request.query;
      const result = await shop.sellers.listSellers({ ...paging(request.query), ...(status ? { statuses: [status] } : {}) });
      return result.ok ? { ...result.value, items: result.value.items.map(present) } : sendError(reply, result.error);
    },
  );

  app.post(
    '/v1/admin/sellers',
    {
      onRequest: access.admin,
      schema: { ...admin, summary: 'Create a shop (active at once)', body: CreateSellerBody, response: { 201: Seller, ...errorResponses } },
    },
    async (request, reply) => {
      const result = await shop.sellers.createSeller(request.body);
      return result.ok ? reply.code(201).send(present(result.value)) : sendError(reply, result.error);
    },
  );

  app.get(
    '/v1/admin/sellers/debts',
    {
      onRequest: access.admin,
      schema: {
        ...admin,
        summary: 'Shops that owe the platform (negative balance), most owed first',
        response: { 200: Type.Array(SellerDebt), ...errorResponses },
      },
    },
    async () => shop.sellers.listSellerDebts(),
  );

  app.get(
    '/v1/admin/sellers/:id',
    { onRequest: access.admin, schema: { ...admin, summary: 'One shop', params: SellerIdParams, response: { 200: Seller, ...errorResponses } } },
    async (request, reply) => {
      const result = await shop.sellers.getSeller(Number(request.params.id));
      return result.ok ? present(result.value) : sendError(reply, result.error);
    },
  );

  for (const decision of DECISIONS) {
    app.post(
      `/v1/admin/sellers/:id/${decision}`,
      {
        onRequest: access.admin,
        schema: {
          ...admin,
          summary: `${decision[0]?.toUpperCase()}${decision.slice(1)} a shop`,
          description: `From ${SELLER_DECISIONS[decision].from.join(' or ')} to ${SELLER_DECISIONS[decision].to}; the seller is told. Any other state is 409 and changes nothing.`,
          params: SellerIdParams,
          response: { 200: Seller, ...errorResponses },
        },
      },
      async (request, reply) => {
        const result = await shop.sellers.decideSeller(Number(request.params.id), decision);
        return result.ok ? present(result.value) : sendError(reply, result.error);
      },
    );
  }

  app.put(
    '/v1/admin/sellers/:id/commission',
    {
      onRequest: access.admin,
      schema: {
        ...admin,
        summary: "Set a shop's terms: commission (bps), confirmation window, auto-confirm",
        description: 'Fields left out stay; null returns one to the platform default. A sale keeps the commission it was credited with.',
        params: SellerIdParams,
        body: SellerTermsBody,
        response: { 200: Seller, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await shop.sellers.setSellerTerms(Number(request.params.id), request.body);
      return result.ok ? present(result.value) : sendError(reply, result.error);
    },
  );

  app.get(
    '/v1/admin/sellers/:id/balance',
    {
      onRequest: access.admin,
      schema: {
        ...admin,
        summary: "A shop's balance and ledger",
        params: SellerIdParams,
        querystring: BalanceQuery,
        response: { 200: SellerBalance, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { beforeId, limit } = request.query;
      const result = await shop.sellers.getSellerBalance(Number(request.params.id), {
        ...(beforeId !== undefined ? { beforeId: Number(beforeId) } : {}),
        ...(limit !== undefined ? { limit: Number(limit) } : {}),
      });
      return result.ok ? presentBalance(result.value) : sendError(reply, result.error);
    },
  );

  app.get(
    '/v1/admin/payouts',
    {
      onRequest: access.admin,
      schema: {
        ...admin,
        summary: 'Payouts of every shop (?status=requested: the ones to pay)',
        querystring: Type.Composite([PayoutQuery, Type.Object(PagingQuery)], { additionalProperties: false }),
        response: { 200: PayoutPage, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await shop.sellers.listPayouts({ ...paging(request.query), status: request.query.status });
      return result.ok ? { ...result.value, items: result.value.items.map(presentPayout) } : sendError(reply, result.error);
    },
  );

  app.post(
    '/v1/admin/sellers/:id/payouts/:payoutId/paid',
    {
      onRequest: access.admin,
      schema: {
        ...admin,
        summary: 'Record that a requested payout was paid',
        description: 'Once: a payout already paid or cancelled (or of another shop) is 404 and nothing changes.',
        params: PayoutParams,
        body: PayoutPaidBody,
        response: { 200: Payout, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await shop.sellers.markPayoutPaid(Number(request.params.id), request.params.payoutId, request.body);
      return result.ok ? presentPayout(result.value) : sendError(reply, result.error);
    },
  );

  app.post(
    '/v1/admin/sellers/:id/payouts/:payoutId/cancel',
    {
      onRequest: access.admin,
      schema: {
        ...admin,
        summary: 'Cancel a requested payout (its amount goes back to the balance)',
        params: PayoutParams,
        response: { 200: Payout, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await shop.sellers.cancelPayout(Number(request.params.id), request.params.payoutId);
      return result.ok ? presentPayout(result.value) : sendError(reply, result.error);
    },
  );
}
