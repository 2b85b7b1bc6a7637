import { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { FastifyInstance } from 'fastify';
import { sellerOf, shopperId } from '../../auth';
import { RouteDeps } from '../../context-routes';
import { sendError } from '../../errors';
import { PagingQuery, SECURITY, errorResponses, paging } from '../../schemas/common';
import {
  BalanceQuery,
  Payout,
  PayoutPage,
  PayoutQuery,
  PayoutRequestBody,
  Seller,
  SellerApplicationBody,
  SellerBalance,
  UpdateSellerBody,
} from '../../schemas/sellers';
import { presentBalance, presentPayout, presentSeller } from './seller-presenters';

/** Becoming a seller, and a seller's own shop: its details, balance with ledger, payouts. */
export async function sellerAccountRoutes(instance: FastifyInstance, opts: RouteDeps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { shop, access } = opts;
  const seller = { tags: ['sellers'], security: SECURITY.seller };
  const shopper = { tags: ['sellers'], security: SECURITY.shopper };

  app.post(
    '/v1/seller/application',
    {
      onRequest: access.shopper,
      schema: {
        ...shopper,
        summary: 'Apply to sell',
        description: 'A pending shop the admins decide on (the applicant hears the outcome). One shop per Telegram user; a refused applicant may apply again.',
        body: SellerApplicationBody,
        response: { 201: Seller, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await shop.sellers.applyToSell(shopperId(request), request.body);
      return result.ok ? reply.code(201).send(presentSeller(result.value, shop.sellers.effectiveTerms(result.value))) : sendError(reply, result.error);
    },
  );

  app.get(
    '/v1/seller/application',
    { onRequest: access.shopper, schema: { ...shopper, summary: 'My shop in any state (my application)', response: { 200: Seller, ...errorResponses } } },
    async (request, reply) => {
      const found = await shop.sellers.sellerOfTelegramUser(shopperId(request));
      if (!found) return reply.code(404).send({ error: { code: 'SELLER_NOT_FOUND', message: 'you have not applied to sell' } });
      return presentSeller(found, shop.sellers.effectiveTerms(found));
    },
  );

  app.get(
    '/v1/seller',
    { onRequest: access.seller, schema: { ...seller, summary: 'My shop', response: { 200: Seller, ...errorResponses } } },
    async (request) => {
      const mine = sellerOf(request);
      return presentSeller(mine, shop.sellers.effectiveTerms(mine));
    },
  );

  app.patch(
    '/v1/seller',
    {
      onRequest: access.seller,
      schema: {
        ...seller,
        summary: "Change my shop's name, contact, description or mail address",
        body: UpdateSellerBody,
        response: { 200: Seller, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await shop.sellers.updateSellerProfile(sellerOf(request).id, request.body);
      return result.ok ? presentSeller(result.value, shop.sellers.effectiveTerms(result.value)) : sendError(reply, result.error);
    },
  );

  app.get(
    '/v1/seller/balance',
    {
      onRequest: access.seller,
      schema: { ...seller, summary: 'My balance and a page of my ledger', querystring: BalanceQuery, response: { 200: SellerBalance, ...errorResponses } },
    },
    async (request, reply) => {
      const { beforeId, limit } = request.query;
      const result = await shop.sellers.getSellerBalance(sellerOf(request).id, {
        ...(beforeId !== undefined ? { beforeId: Number(beforeId) } : {}),
        ...(limit !== undefined ? { limit: Number(limit) } : {}),
      });
      return result.ok ? presentBalance(result.value) : sendError(reply, result.error);
    },
  );

  app.post(
    '/v1/seller/payouts',
    {
      onRequest: access.seller,
      schema: {
        ...seller,
        summary: 'Ask to be paid out',
        description: 'The amount (at most the balance) leaves the balance at once; an admin pays it with a reference, or cancels it (the amount comes back).',
        body: PayoutRequestBody,
        response: { 201: Payout, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await shop.sellers.requestPayout(sellerOf(request).id, request.body);
      return result.ok ? reply.code(201).send(presentPayout(result.value)) : sendError(reply, result.error);
    },
  );

  app.get(
    '/v1/seller/payouts',
    {
      onRequest: access.seller,
      schema: {
        ...seller,
        summary: 'My payouts',
        querystring: Type.Composite([PayoutQuery, Type.Object(PagingQuery)], { additionalProperties: false }),
        response: { 200: PayoutPage, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await shop.sellers.listPayouts({ ...paging(request.query), sellerId: sellerOf(request).id, status: request.query.status });
      return result.ok ? { ...result.value, items: result.value.items.map(presentPayout) } : sendError(reply, result.error);
    },
  );
}
