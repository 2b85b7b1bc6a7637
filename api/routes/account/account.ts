import { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { FastifyInstance } from 'fastify';
import { shopperId } from '../../auth';
import { RouteDeps } from '../../context-routes';
import { Account, LedgerEntry } from '../../schemas/account';
import { SECURITY, errorResponses } from '../../schemas/common';
import { presentAccount, presentLedgerEntry } from './account-presenters';

export async function accountRoutes(instance: FastifyInstance, opts: RouteDeps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { shop, access } = opts;
  const shopper = { tags: ['account'], security: SECURITY.shopper };
  app.get(
    '/v1/account',
    { onRequest: access.shopper, schema: { ...shopper, summary: 'My credit balance', response: { 200: Account, ...errorResponses } } },
    async (request) => presentAccount(await shop.account.getAccount(shopperId(request))),
  );
  app.get(
    '/v1/account/ledger',
    {
      onRequest: access.shopper,
      schema: { ...shopper, summary: 'My credit ledger, newest first', response: { 200: Type.Object({ items: Type.Array(LedgerEntry) }), ...errorResponses } },
    },
    async (request) => ({ items: (await shop.account.getLedger(shopperId(request))).map(presentLedgerEntry) }),
  );
}
